import 'server-only';
import { addDays, lastCompletedUtcDay } from '../utc-day';
import { ENDPOINTS } from './endpoints';
import type { EndpointSpec, ResolvedWindow } from './endpoints/shared';
import { isDatasetsError } from './errors';
import type { Transport, UpstreamResponse } from './transport';

/**
 * Demo mode: answers exactly like the upstream (same query parameters, same JSON, same 400s) from each
 * operation's deterministic synthetic generator, so everything above the transport runs unchanged.
 */
export function createDemoTransport(now: () => Date = () => new Date()): Transport {
  return async ({ endpoint, query }) => {
    const at = now();
    const lastCompleted = lastCompletedUtcDay(at);
    // Each spec pairs its own request and response types; here any of them will do.
    const spec = ENDPOINTS[endpoint] as unknown as EndpointSpec<ResolvedWindow, never, unknown>;
    try {
      const request = spec.resolve(spec.fromUpstreamQuery(query), lastCompleted, at);
      return json(200, { data: spec.demo(request, lastCompleted), meta: meta(request, lastCompleted) });
    } catch (error) {
      if (isDatasetsError(error)) return json(400, { error: { code: 400, message: error.message } });
      throw error;
    }
  };
}

function meta(window: ResolvedWindow, lastCompleted: string) {
  return {
    as_of: `${addDays(lastCompleted, 1)}T00:00:00.000Z`,
    start_date: window.startDate,
    end_date: window.endDate,
    version: 'v1',
  };
}

function json(status: number, body: unknown): UpstreamResponse {
  return { status, retryAfter: null, body: JSON.stringify(body) };
}
