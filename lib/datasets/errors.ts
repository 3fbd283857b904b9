/**
 * Typed failures of the data layer. Pages and route handlers branch on `code`; `retryable` drives the
 * retry policy; `retryAfterSeconds` is what a caller (or a 503 response) should wait before trying again.
 */
export type DatasetsErrorCode =
  | 'invalid_params' // rejected by us before anything was sent
  | 'bad_request' // upstream 400
  | 'unauthorized' // upstream 401/403: the key is wrong or revoked
  | 'rate_limited' // upstream 429
  | 'budget_exhausted' // our governor refused: the attempt would break the per-minute or per-day limit
  | 'circuit_open' // our breaker is open after repeated upstream failures
  | 'upstream_error' // upstream 5xx or another unexpected status
  | 'timeout' // no answer within the per-attempt timeout
  | 'network' // connection refused/reset before a response
  | 'malformed' // 200 whose body is not JSON or does not match the contract
  | 'shared_state_unavailable'; // Redis (several instances) is down: no call may start that it cannot count

export class DatasetsError extends Error {
  override name = 'DatasetsError';
  readonly code: DatasetsErrorCode;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: DatasetsErrorCode,
    message: string,
    options: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /**
   * Worth another attempt within the same call (subject to the governor). A malformed body is not:
   * schema drift does not heal in seconds, and every attempt costs quota.
   */
  get retryable(): boolean {
    return this.code === 'upstream_error' || this.code === 'timeout' || this.code === 'network';
  }

  /** Counts as a failure of the upstream for the circuit breaker. */
  get isUpstreamFault(): boolean {
    return this.retryable || this.code === 'unauthorized' || this.code === 'malformed';
  }
}

/** Invalid parameters: the caller's mistake, known before any upstream call. `param` names the culprit. */
export class InvalidParamsError extends DatasetsError {
  override name = 'InvalidParamsError';
  readonly param: string;

  constructor(param: string, message: string) {
    super('invalid_params', message);
    this.param = param;
  }
}

/**
 * By shape as well as by class: Next may bundle this module into several server chunks, and an error
 * thrown by one chunk's class is not an `instanceof` another's.
 */
export function isDatasetsError(error: unknown): error is DatasetsError {
  if (error instanceof DatasetsError) return true;
  const candidate = error as { name?: unknown; code?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    (candidate.name === 'DatasetsError' || candidate.name === 'InvalidParamsError') &&
    typeof candidate.code === 'string'
  );
}

/** `Retry-After` as seconds (delta-seconds or HTTP date); undefined when absent or unparseable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
