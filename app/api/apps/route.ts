import { NextResponse, type NextRequest } from 'next/server';
import { APPS_API_PARAMS, validateAppsQuery } from '@/lib/boards/apps/query';
import { getAppsView } from '@/lib/boards/apps/view';
import { API_CACHE_CONTROL, badRequest, errorResponse } from '@/lib/http';
import { parseQuery } from '@/lib/query';


/** One page of an app-ranking view; the same data, cache keys and validation as the /apps pages. */
export async function GET(request: NextRequest) {
  const validated = parseQuery(request.nextUrl.searchParams, APPS_API_PARAMS, validateAppsQuery);
  if (!validated.ok) return badRequest(validated.message);
  try {
    const view = await getAppsView(validated.query);
    return NextResponse.json(view, { headers: { 'Cache-Control': API_CACHE_CONTROL } });
  } catch (error) {
    return errorResponse(error);
  }
}
