import { NextResponse } from 'next/server';

// Staff routes get their quick session gate here in the staff issue; every staff page and handler
// will still check again in lib. Until then this passes through and runs only on those paths.
export function middleware() {
  return NextResponse.next();
}

export const config = {
  matcher: ['/staff/:path*', '/api/staff/:path*'],
};
