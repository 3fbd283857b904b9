import { NextResponse, type NextRequest } from 'next/server';
import { coldOutageRetryAfter } from './lib/availability';

/**
 * 1. `/models?window=week` is the public URL (shareable, crawlable), but an App Router page that reads
 *    search params renders on every request; rewriting to a path segment makes each window an ISR page.
 *    The same for `/apps[/<category>[/<subcategory>]]?sort=&window=&page=&pageSize=`.
 * 2. While the site holds no data at all and the upstream is failing, data pages answer 503 with
 *    Retry-After (lib/availability.ts) rather than an error page.
 * Staff routes get their session gate here in the staff issue.
 */
export function middleware(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const retryAfter = coldOutageRetryAfter();
  if (retryAfter > 0 && !pathname.startsWith('/staff') && !pathname.startsWith('/api/staff')) {
    return unavailable(pathname.startsWith('/api/'), retryAfter);
  }
  if ((pathname === '/apps' || pathname.startsWith('/apps/')) && !pathname.startsWith('/apps/v/')) {
    return NextResponse.rewrite(appsViewUrl(request));
  }
  if (pathname === '/models') {
    const url = request.nextUrl.clone();
    url.pathname = `/models/window/${encodeURIComponent(searchParams.get('window') ?? 'month')}`;
    url.search = '';
    return NextResponse.rewrite(url);
  }
  return NextResponse.next();
}

const segment = (value: string | null, fallback: string) => encodeURIComponent(value === null ? fallback : value || '-');

/** `/apps/coding/cli-agent?sort=trending&page=2` → `/apps/v/trending/month/coding.cli-agent/25/2` (validated by the page). */
function appsViewUrl(request: NextRequest): URL {
  const { pathname, searchParams } = request.nextUrl;
  const filter = pathname.split('/').slice(2).filter(Boolean).map(decodeSafely).join('.') || 'all';
  const url = request.nextUrl.clone();
  url.pathname = [
    '/apps/v',
    segment(searchParams.get('sort'), 'popular'),
    segment(searchParams.get('window'), 'month'),
    encodeURIComponent(filter),
    segment(searchParams.get('pageSize'), '25'),
    segment(searchParams.get('page'), '1'),
  ].join('/');
  url.search = '';
  return url;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '-';
  }
}

const MESSAGE = 'The rankings are not available yet: the data source is not answering. Please try again in a minute.';

function unavailable(json: boolean, retryAfter: number): Response {
  const headers = { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' };
  if (json) return NextResponse.json({ error: { code: 503, message: MESSAGE } }, { status: 503, headers });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Temporarily unavailable — Tokenboard</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;line-height:1.5;color:#14171f;background:#fff}@media (prefers-color-scheme:dark){body{color:#e8eaf0;background:#0f1115}}</style></head><body><h1>Temporarily unavailable</h1><p>${MESSAGE}</p></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

export const config = {
  runtime: 'nodejs',
  matcher: ['/', '/models', '/models/:path*', '/apps', '/apps/:path*', '/api/models', '/api/apps', '/staff/:path*', '/api/staff/:path*'],
};
