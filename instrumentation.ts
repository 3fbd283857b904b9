import type { Instrumentation } from 'next';
import { logEvent } from './lib/log';

/** Validates configuration once at server start (Node.js runtime only; see lib/startup.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigOrExit, warmUp } = await import('./lib/startup');
    checkConfigOrExit();
    warmUp();
  }
}

/**
 * One structured line per failed render, and in particular per failed ISR regeneration (the last good
 * page keeps being served; this line is how operators learn of it). Headers are never logged.
 */
// One failed render surfaces several times within milliseconds (metadata, page, segment) with the same
// digest; a later failure with the same digest is a new event.
const recentDigests = new Map<string, number>();
const SAME_FAILURE_MS = 5_000;

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const failure = error as { name?: unknown; code?: unknown; message?: unknown; digest?: unknown };
  if (typeof failure.digest === 'string') {
    const now = Date.now();
    if (now - (recentDigests.get(failure.digest) ?? 0) < SAME_FAILURE_MS) return;
    recentDigests.set(failure.digest, now);
    for (const [digest, at] of recentDigests) if (now - at >= SAME_FAILURE_MS) recentDigests.delete(digest);
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
