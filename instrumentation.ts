import type { Instrumentation } from 'next';
import { logEvent } from './lib/log';

/** Validates configuration once at server start (Node.js runtime only; see lib/startup.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigOrExit } = await import('./lib/startup');
    checkConfigOrExit();
  }
}

/**
 * One structured line per failed render, and in particular per failed ISR regeneration (the last good
 * page keeps being served; this line is how operators learn of it). Headers are never logged.
 */
// One failed render surfaces several times (metadata, page, segment) with the same digest.
const recentDigests = new Set<string>();

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const failure = error as { name?: unknown; code?: unknown; message?: unknown; digest?: unknown };
  if (typeof failure.digest === 'string') {
    if (recentDigests.has(failure.digest)) return;
    recentDigests.add(failure.digest);
    if (recentDigests.size > 100) recentDigests.delete(recentDigests.values().next().value as string);
  }
  logEvent(
    context.revalidateReason ? 'regeneration_failed' : 'request_failed',
    {
      route: context.routePath,
      path: request.path.slice(0, 300),
      method: request.method,
      routeType: context.routeType,
      revalidateReason: context.revalidateReason ?? null,
      error: typeof failure.name === 'string' ? failure.name : 'Error',
      code: typeof failure.code === 'string' ? failure.code : null,
      message: typeof failure.message === 'string' ? failure.message.slice(0, 300) : null,
      digest: typeof failure.digest === 'string' ? failure.digest : null,
    },
    'error',
  );
};
