import { z } from 'zod';
import { addDays, DATASET_START, daysInclusive, isIsoDate, lastCompletedUtcDay, MAX_WINDOW_DAYS } from '../../utc-day';
import { InvalidParamsError } from '../errors';

/**
 * What every upstream operation has in common: the date rules of a window, the `meta` block, and the
 * shape of a spec (lib/datasets/endpoints/<operation>/index.ts), which the one client reads instead of
 * branching on the operation's name.
 */

export const isoDate = z.string().refine(isIsoDate, { message: 'must be a real calendar date written YYYY-MM-DD' });

export const tokenCount = z.string().regex(/^(0|[1-9]\d*)$/, { message: 'token totals must be decimal strings' });

export const metaSchema = z.strictObject({
  as_of: z.iso.datetime({ offset: true }),
  start_date: isoDate,
  end_date: isoDate,
  version: z.literal('v1'),
});

export interface DatasetMeta {
  asOf: string;
  startDate: string;
  endDate: string;
  version: string;
}

export function reshapeMeta(meta: z.output<typeof metaSchema>): DatasetMeta {
  return { asOf: meta.as_of, startDate: meta.start_date, endDate: meta.end_date, version: meta.version };
}

export interface ResolvedWindow {
  startDate: string;
  endDate: string;
}

/** Parses a request with its schema; the first issue becomes an InvalidParamsError naming the parameter. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? 'query') : String(issue?.path[0] ?? 'query');
  const message = issue?.code === 'unrecognized_keys' ? 'is not a known parameter' : (issue?.message ?? 'is invalid');
  throw new InvalidParamsError(param, `${param} ${message}`);
}

/**
 * Applies the upstream's date rules with explicit values, so equal windows share one cache key:
 * end defaults to `defaultEnd` (the current data day) and may not pass the last completed UTC day;
 * start defaults to 30 days before end and is clamped forward to the dataset start.
 */
export function resolveWindow(startDate: string | undefined, endDate: string | undefined, defaultEnd: string, now: Date): ResolvedWindow {
  const end = endDate ?? defaultEnd;
  if (end < DATASET_START) throw new InvalidParamsError('endDate', `endDate must be on or after ${DATASET_START}`);
  const lastCompleted = lastCompletedUtcDay(now);
  if (end > lastCompleted) {
    throw new InvalidParamsError('endDate', `endDate must be a completed UTC day (${lastCompleted} or earlier)`);
  }
  const requestedStart = startDate ?? addDays(end, -30);
  const start = requestedStart < DATASET_START ? DATASET_START : requestedStart;
  if (start > end) throw new InvalidParamsError('startDate', 'startDate must not be after endDate');
  if (daysInclusive(start, end) > MAX_WINDOW_DAYS) {
    throw new InvalidParamsError('startDate', `startDate is too early: a window may span at most ${MAX_WINDOW_DAYS} days`);
  }
  return { startDate: start, endDate: end };
}

/** Upstream query values (snake_case, strings) back into a request's input, absent values left out. */
export function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * One upstream operation: the rules of a request (checked before anything is sent, mirroring the
 * upstream's own), the exact query it sends, the response it accepts (validated strictly), the app rows
 * it reshapes to (once), whose figures they are, and the demo source's answer to it.
 */
export interface EndpointSpec<Resolved extends ResolvedWindow, Raw extends { data: unknown[]; meta: z.output<typeof metaSchema> }, Row> {
  /** Path under the API base URL. */
  path: string;
  /** The page of openrouter.ai the citation names (CC BY 4.0 attribution). */
  citation: string;
  /** Validates a request (camelCase input) and fills in every default explicitly. */
  resolve(input: unknown, defaultEnd: string, now: Date): Resolved;
  /** The exact upstream query: snake_case, every parameter explicit, so equal requests share a key. */
  upstreamQuery(request: Resolved): Record<string, string>;
  /** The inverse, for the demo source, which answers upstream queries as the upstream would. */
  fromUpstreamQuery(query: Readonly<Record<string, string>>): unknown;
  response: z.ZodType<Raw>;
  /** `query`: the upstream query the body answers (a body need not say everything about its rows). */
  reshape(raw: Raw, query: Readonly<Record<string, string>>): Row[];
  /** The demo source's `data` for a resolved request; `lastCompleted`: the last completed UTC day. */
  demo(request: Resolved, lastCompleted: string): Raw['data'];
}
