import { ConfigError, getConfig } from './env';

/** A bad value stops the server with one line naming the variable, before any request is served. */
export function checkConfigOrExit(): void {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Loads the model history in the background as the server starts, so the first visitor does not wait
 * for it, and a cold start during an upstream outage is known (503) before anyone asks. Its upstream
 * calls are background ones: they leave most of the minute to the first visitors.
 */
export function warmUp(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  void import('./boards/models/history').then(({ readModelHistory }) => readModelHistory({ background: true })).catch(() => undefined);
}
