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
 * A shared cache (a CDN, deploy/nginx.conf) keeps an API response for a minute, like an ISR page, then
 * serves it while fetching the next copy: a new data day or a staff refresh reaches readers within a minute.
 */
export const API_CACHE_CONTROL = 'public, max-age=60, s-maxage=60, stale-while-revalidate=3600';
