/**
 * The one way a query string is read, for JSON routes, downloads, pages and the staff explorer alike:
 * every parameter known and given once (`strictParams`), then each value checked by its board's reader,
 * which answers a `Parsed` value — the query, or the parameter at fault and a message naming it.
 * Browser-safe: the apps island reads its URL with the same rules.
 */

export type Parsed<T> = { ok: true; query: T } | Refusal;

export interface Refusal {
  ok: false;
  /** The parameter at fault (null: the query as a whole). */
  param: string | null;
  message: string;
}

export const refuse = (param: string | null, message: string): Refusal => ({ ok: false, param, message });

/**
 * Reads a query string against an allow-list: every parameter known, none repeated. Returns the
 * single values, or a message naming the offending parameter (and that parameter).
 */
export function strictParams(search: URLSearchParams, allowed: readonly string[]): { values: Record<string, string> } | { error: string; param: string } {
  const values: Record<string, string> = {};
  for (const [name, value] of search) {
    if (!allowed.includes(name)) return { error: `${name} is not a known parameter (allowed: ${allowed.join(', ')})`, param: name };
    if (name in values) return { error: `${name} must be given at most once`, param: name };
    values[name] = value;
  }
  return { values };
}

/** `strictParams`, then the reader of the values. */
export function parseQuery<T>(search: URLSearchParams, allowed: readonly string[], read: (values: Record<string, string>) => Parsed<T>): Parsed<T> {
  const parsed = strictParams(search, allowed);
  return 'error' in parsed ? refuse(parsed.param, parsed.error) : read(parsed.values);
}
