import 'server-only';
import { addDays, lastCompletedUtcDay } from '../utc-day';
import { resolveAppRankingsQuery, resolveRankingsDailyQuery } from './contract';
import { demoAppRankings, demoRankingsDaily } from './demo-data';
import { isDatasetsError } from './errors';
import type { Transport, UpstreamResponse } from './transport';

/**
 * Demo mode: answers exactly like the upstream (same query parameters, same JSON, same 400s) from the
 * deterministic synthetic generator, so everything above the transport runs unchanged.
 */
export function createDemoTransport(now: () => Date = () => new Date()): Transport {
  return async ({ endpoint, query }) => {
    const at = now();
    const lastCompleted = lastCompletedUtcDay(at);
    try {
      const window = { startDate: query.start_date, endDate: query.end_date };
      const body =
        endpoint === 'rankings-daily'
          ? (() => {
              const q = resolveRankingsDailyQuery(stripUndefined(window), lastCompleted, at);
              return { data: demoRankingsDaily(q.startDate, q.endDate), meta: meta(q, lastCompleted) };
            })()
          : (() => {
              const q = resolveAppRankingsQuery(
                stripUndefined({
                  ...window,
                  sort: query.sort,
                  category: query.category,
                  subcategory: query.subcategory,
                  limit: query.limit === undefined ? undefined : Number(query.limit),
                  offset: query.offset === undefined ? undefined : Number(query.offset),
                }),
                lastCompleted,
                at,
              );
              return { data: demoAppRankings(q), meta: meta(q, lastCompleted) };
            })();
      return json(200, body);
    } catch (error) {
      if (isDatasetsError(error)) return json(400, { error: { code: 400, message: error.message } });
      throw error;
    }
  };
}

function meta(window: { startDate: string; endDate: string }, lastCompleted: string) {
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

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
