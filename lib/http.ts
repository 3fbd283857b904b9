import 'server-only';
import { NextResponse } from 'next/server';
import { isDatasetsError } from './datasets/errors';
import { logEvent } from './log';

/** Route handlers' one error mapping: our validation → 400; upstream trouble → 503 with Retry-After. */
export function errorResponse(error: unknown): NextResponse {
  if (isDatasetsError(error) && error.code === 'invalid_params') return badRequest(error.message);
  if (isDatasetsError(error)) {
    const retryAfter = String(Math.max(1, error.retryAfterSeconds ?? 60));
    return NextResponse.json(
      { error: { code: 503, message: 'Rankings are temporarily unavailable; please retry later.' } },
      { status: 503, headers: { 'Retry-After': retryAfter, 'Cache-Control': 'no-store' } },
    );
  }
  logEvent('route_error', { message: error instanceof Error ? error.message.slice(0, 300) : String(error) }, 'error');
  return NextResponse.json({ error: { code: 500, message: 'Internal error' } }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
}

export function badRequest(message: string): NextResponse {
  return NextResponse.json({ error: { code: 400, message } }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
}

export function notFoundJson(message: string): NextResponse {
  return NextResponse.json({ error: { code: 404, message } }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Reads a query string against an allow-list: every parameter known, none repeated. Returns the
 * single values, or a message naming the offending parameter (and that parameter).
 */
export function strictParams(
  search: URLSearchParams,
  allowed: readonly string[],
): { values: Record<string, string> } | { error: string; param: string } {
  const values: Record<string, string> = {};
  for (const [name, value] of search) {
    if (!allowed.includes(name)) return { error: `${name} is not a known parameter (allowed: ${allowed.join(', ')})`, param: name };
    if (name in values) return { error: `${name} must be given at most once`, param: name };
    values[name] = value;
  }
  return { values };
}

/**
 * A shared cache (a CDN, deploy/nginx.conf) keeps an API response for a minute, like an ISR page, then
 * serves it while fetching the next copy: a new data day or a staff refresh reaches readers within a minute.
 */
export const API_CACHE_CONTROL = 'public, max-age=60, s-maxage=60, stale-while-revalidate=3600';
