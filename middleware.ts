import { NextResponse, type NextRequest } from 'next/server';

/**
 * `/models?window=week` is the public URL (shareable, crawlable), but an App Router page that reads
 * search params renders on every request. Rewriting it to a path segment makes each window one ISR page.
 * Staff routes get their session gate here in the staff issue.
 */
export function middleware(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === '/models') {
    const url = request.nextUrl.clone();
    url.pathname = `/models/window/${encodeURIComponent(searchParams.get('window') ?? 'month')}`;
    url.search = '';
    return NextResponse.rewrite(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/models', '/staff/:path*', '/api/staff/:path*'],
};
