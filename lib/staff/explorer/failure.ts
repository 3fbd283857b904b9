import { isDatasetsError } from '../../datasets/errors';
import type { DatasetsErrorCode } from '../../datasets/errors';

/** What the explorer says when the figures of a valid query cannot be had. */

export interface ExplorerFailure {
  message: string;
  /** When a retry can succeed, if the data layer knows. */
  retryAfterSeconds: number | null;
}

/** How long to wait, in the largest whole unit that keeps it readable: `45 s`, `12 min`, `3 h 5 min`. */
export function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

const FAILURE_MESSAGES: Record<DatasetsErrorCode, string> = {
  invalid_params: 'The data layer refused the query',
  bad_request: 'OpenRouter rejected the query',
  unauthorized: 'OpenRouter refused the API key; check OPENROUTER_API_KEY',
  rate_limited: 'OpenRouter is rate-limiting our requests',
  budget_exhausted: 'The staff share of the upstream request budget is used up',
  circuit_open: 'Upstream calls are paused after repeated failures',
  upstream_error: 'OpenRouter answered with an error',
  timeout: 'OpenRouter did not answer in time',
  network: 'OpenRouter could not be reached',
  malformed: 'OpenRouter answered with data that does not match the contract',
  shared_state_unavailable: 'The shared state (Redis) is unreachable, so no upstream call can be counted',
};

/** A staff-readable account of a data-layer failure, or null when the error is not one (a bug to rethrow). */
export function explorerFailure(error: unknown): ExplorerFailure | null {
  if (!isDatasetsError(error)) return null;
  const retryAfterSeconds = error.retryAfterSeconds === undefined ? null : Math.max(1, error.retryAfterSeconds);
  const what = FAILURE_MESSAGES[error.code];
  // The query itself was refused: waiting will not help, the reason will.
  if (error.code === 'invalid_params' || error.code === 'bad_request') {
    return { message: `${what}: ${error.message.replace(/\.$/, '')}.`, retryAfterSeconds: null };
  }
  const when = retryAfterSeconds === null ? 'Please try again later.' : `Try again in ${formatWait(retryAfterSeconds)}.`;
  return { message: `${what}. ${when}`, retryAfterSeconds };
}
