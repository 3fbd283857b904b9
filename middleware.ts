import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { isStaffEmail } from './lib/auth/allowlist';
import { sessionCookieName } from './lib/auth/cookies';
import { authSecret } from './lib/auth/secret';
import { getConfig } from './lib/env';
import { coldOutageRetryAfter } from './lib/availability';
import { embedOfUrl, embedPagePath, isEmbedPath } from './lib/boards';
import { decodeSegment, DEFAULT_MODELS_WINDOW, SITE_FEED_FILE } from './lib/routes';
import { APPS_API_PARAMS, validateAppsQuery } from './lib/boards/apps/query';
import type { AppsQuery } from './lib/boards/apps/types';
import { appsViewRequests } from './lib/boards/apps/view-requests';
import { parseQuery } from './lib/query';
import { admitView, type ViewRequests } from './lib/view-admission';
import { sliceViewRequests, type SliceViewScope } from './lib/boards/slices/view-requests';
import { isUnknownModel } from './lib/known-models';
import { isRoutedPath, NOT_FOUND_PATH } from './lib/routed-paths';
import { RANKINGS_PATH } from './lib/boards/slices/board';
import { familyHref, slicePagePath } from './lib/boards/slices/url';
import { isSliceFamily, sliceOf } from './lib/boards/slices/slices';
import { DEFAULT_SLICE_WINDOW, isSliceWindowName, readSliceWindow, windowNamesOf } from './lib/boards/slices/windows';
import { isArchiveMonth } from './lib/rankings/archive';
import { currentDataDay, isWindowName } from './lib/utc-day';
import { ApiRateLimiter, clientOf, EXEMPT_API_PATHS } from './lib/rate-limit';

/**
 * 1. `/models?window=week` is the public URL (shareable, crawlable), but an App Router page that reads
 *    search params renders on every request; rewriting to a path segment makes each window an ISR page.
 *    The same for `/apps[/<category>[/<subcategory>]]?sort=&window=&page=&pageSize=`, and for the iframe
 *    widgets `/embed/models|apps|rankings?…` (every board's widget path), whose values are all checked here (the boards' widget specs, lib/boards): a bad one is a 404.
 * 2. While the site holds no data at all and the upstream is failing, data pages answer 503 with
 *    Retry-After (lib/availability.ts) rather than an error page. So does an app-ranking view, a slice
 *    board, the hub or a model page (its "Where it ranks") nobody has fetched yet when the budget cannot
 *    pay for it within a few seconds (lib/view-admission.ts).
 * 3. Staff paths get a quick session gate: no session → sign-in (pages) or 401 JSON (API); a session
 *    whose email is not on the allowlist → 403 JSON (API) or the page's own 403. Every staff page,
 *    route handler and action checks again in lib/auth/staff.ts: this gate is never the only one.
 * 4. `/api/*` is rate-limited per client, before anything else runs.
 */
export async function middleware(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const limited = await apiRateLimit(request);
  if (limited) return limited;
  const staffArea = staffAreaOf(pathname);
  if (staffArea) return staffGate(request, staffArea);
  if (!isRoutedPath(pathname) || pathname === NOT_FOUND_PATH) return notFound(request);
  if (!DATA_PATH.test(pathname)) return NextResponse.next();
  // A path Next cannot decode (`/models/%ZZ`) would fail inside the router as a 500: it names no page.
  if (!decodable(pathname)) return notFound(request);
  const retryAfter = coldOutageRetryAfter();
  if (retryAfter > 0) {
    return unavailable(/^\/(?:api|download)\//.test(pathname), retryAfter);
  }
  // Values the pages would refuse are a 404 here, from the site's static 404 page: a notFound() raised
  // while Next renders an ISR page on demand leaves the response's HTML empty (the not-found content is
  // drawn in the browser only, invisible without JavaScript and to crawlers).
  if ((pathname === '/apps' || pathname.startsWith('/apps/')) && !pathname.startsWith('/apps/v/')) {
    const view = appsViewUrl(request);
    if (!view) return notFound(request);
    return (await appsViewBusy(view.query, false)) ?? NextResponse.rewrite(view.url);
  }
  if (pathname === '/api/apps' || pathname === '/api/apps/') {
    // Parameters the route would refuse are its 400 to give.
    const query = apiAppsQuery(searchParams);
    const busy = query ? await appsViewBusy(query, true) : undefined;
    if (busy) return busy;
  }
  if (pathname === RANKINGS_PATH || pathname.startsWith(`${RANKINGS_PATH}/`)) return rankingsRoute(request);
  const apiSlice = API_SLICE_PATH.exec(pathname);
  if (apiSlice) {
    // An unknown slice or a bad parameter is the route's 404 or 400 to give, at no cost.
    const slice = sliceOf(decodeSafely(apiSlice[1]!), decodeSafely(apiSlice[2]!));
    const valid = slice && parseQuery(searchParams, ['window'], ({ window }) => readSliceWindow(slice, window)).ok;
    const busy = slice && valid ? await sliceViewBusy({ board: slice }, true) : undefined;
    if (busy) return busy;
  }
  const month = ARCHIVE_MONTH_PATH.exec(pathname)?.[1];
  if (month !== undefined && !isArchiveMonth(month, currentDataDay(new Date(), getConfig().settleMinutes))) return notFound(request);
  const permaslug = modelPageSlug(pathname);
  if (permaslug !== null) {
    if (isUnknownModel(permaslug, dataDayNow())) return notFound(request);
    // A model page says where the model ranks: every slice's last completed week, as the hub reads it.
    const busy = await sliceViewBusy('hub', false);
    if (busy) return busy;
  }
  if (isEmbedPath(pathname)) {
    const embed = embedOfUrl(pathname, searchParams);
    if (!embed) return notFound(request);
    const url = request.nextUrl.clone();
    url.pathname = embedPagePath(embed);
    url.search = '';
    return NextResponse.rewrite(url);
  }
  const windowPath = WINDOW_PATH.exec(pathname)?.[1];
  if (windowPath !== undefined && !isWindowName(decodeSafely(windowPath))) return notFound(request);
  if (pathname === '/feed.xml') {
    const url = request.nextUrl.clone();
    url.pathname = `/feed/${SITE_FEED_FILE}`;
    return NextResponse.rewrite(url);
  }
  if (pathname === '/models') {
    const window = searchParams.get('window') ?? DEFAULT_MODELS_WINDOW;
    if (!isWindowName(window)) return notFound(request);
    const url = request.nextUrl.clone();
    url.pathname = `/models/window/${window}`;
    url.search = '';
    return NextResponse.rewrite(url);
  }
  return NextResponse.next();
}

// Every path whose answer is built from the rankings: pages, widgets, cards, downloads, the feed and sitemap.
const DATA_PATH = /^\/(?:$|models(?:\/|$)|apps(?:\/|$)|rankings(?:\/|$)|embed(?:\/|$)|og\/|download\/|feed\.xml$|sitemap\.xml$|api\/(?:models|apps)\/?$|api\/rankings\/)/;

/**
 * Which staff area a path falls in, judged on the decoded, lower-cased path so that encodings
 * (`/%73taff`), case, doubled slashes, trailing slashes and RSC suffixes (`/staff.rsc`) cannot slip by.
 */
export function staffAreaOf(pathname: string): 'page' | 'api' | null {
  // Segment by segment, so one undecodable segment (`/staff/%zz`) cannot hide the others.
  const decoded = pathname
    .split('/')
    .map((part) => decodeSegment(part) ?? part)
    .join('/');
  const path = `/${decoded.toLowerCase().split('/').filter(Boolean).join('/')}`;
  if (/^\/api\/staff(?:[/.]|$)/.test(path)) return 'api';
  if (/^\/staff(?:[/.]|$)/.test(path)) return 'page';
  return null;
}

async function staffGate(request: NextRequest, area: 'page' | 'api'): Promise<Response> {
  const { staff } = getConfig();
  const token = staff.enabled
    ? await getToken({ req: request, secret: authSecret(), cookieName: sessionCookieName(staff.secureCookies), secureCookie: staff.secureCookies })
    : null;
  const email = typeof token?.email === 'string' ? token.email : null;
  if (!email) {
    if (area === 'api') return staffApiError(401, 'Sign in as staff to use this endpoint.');
    const signIn = new URL('/sign-in', request.nextUrl.origin);
    signIn.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn, { headers: { 'Cache-Control': 'no-store' } });
  }
  if (area === 'api' && !(await isStaffEmail(email))) return staffApiError(403, 'Your account is not on the staff allowlist.');
  // Signed-in pages go on to requireStaff(), which renders the 403 page for people not on the list.
  const response = NextResponse.next();
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

let apiLimiter: ApiRateLimiter | null | undefined;

/** 4. `/api/*` answers 429 with Retry-After once a client passes its per-minute limit (lib/rate-limit.ts). */
async function apiRateLimit(request: NextRequest): Promise<Response | undefined> {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith('/api/') || EXEMPT_API_PATHS.test(pathname)) return undefined;
  if (apiLimiter === undefined) {
    const perMinute = getConfig().apiRateLimitPerMinute;
    apiLimiter = perMinute > 0 ? new ApiRateLimiter(perMinute) : null;
  }
  if (apiLimiter === null) return undefined;
  const decision = await apiLimiter.take(clientOf(request.headers));
  if (decision.allowed) return undefined;
  const message = `Too many requests: at most ${decision.limit} API requests a minute per client. Try again in ${decision.retryAfterSeconds} s.`;
  return NextResponse.json(
    { error: { code: 429, message } },
    { status: 429, headers: { 'Retry-After': String(decision.retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}

function staffApiError(status: 401 | 403, message: string): Response {
  return NextResponse.json({ error: { code: status, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

const decodable = (pathname: string) => decodeSegment(pathname) !== null;

/** The site's 404 page, static, with the site's header and footer, answered with status 404. */
function notFound(request: NextRequest): Response {
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.nextUrl.origin), { status: 404 });
}

const segment = (value: string | null, fallback: string) => encodeURIComponent(value === null ? fallback : value || '-');

/**
 * `/apps/coding/cli-agent?sort=trending&page=2` → `/apps/v/trending/month/coding.cli-agent/25/2`, or null
 * for a view the page would refuse (a page number past the last is still the page's to judge).
 */
function appsViewUrl(request: NextRequest): { url: URL; query: AppsQuery } | null {
  const { pathname, searchParams } = request.nextUrl;
  const filter = pathname.split('/').slice(2).filter(Boolean).map(decodeSafely);
  const [category, subcategory, ...rest] = filter;
  const value = (name: string) => searchParams.get(name) ?? undefined;
  const query = { category, subcategory, sort: value('sort'), window: value('window'), page: value('page'), pageSize: value('pageSize') };
  const validated = validateAppsQuery(query);
  if (rest.length > 0 || !validated.ok) return null;
  const url = request.nextUrl.clone();
  url.pathname = [
    '/apps/v',
    segment(searchParams.get('sort'), 'popular'),
    segment(searchParams.get('window'), 'month'),
    encodeURIComponent(filter.join('.') || 'all'),
    segment(searchParams.get('pageSize'), '25'),
    segment(searchParams.get('page'), '1'),
  ].join('/');
  url.search = '';
  return { url, query: validated.query };
}

/** The view `/api/apps?…` asks for; null when the route will answer 400 (unknown, repeated or invalid values). */
function apiAppsQuery(searchParams: URLSearchParams): AppsQuery | null {
  const validated = parseQuery(searchParams, APPS_API_PARAMS, validateAppsQuery);
  return validated.ok ? validated.query : null;
}

/**
 * A view never fetched, whose upstream calls the budget cannot pay within the visitor wait: 503 with
 * Retry-After, rather than a render that fails as a 500. Undefined: go on (held, or its calls reserved).
 */
function appsViewBusy(query: AppsQuery, json: boolean): Promise<Response | undefined> {
  return viewBusy([appsViewRequests(query, dataDayNow())], json);
}

/** The same for a slice board or the hub (lib/boards/slices/view-requests.ts): one admission per partition that pays. */
function sliceViewBusy(scope: SliceViewScope, json: boolean): Promise<Response | undefined> {
  return viewBusy(sliceViewRequests(scope, dataDayNow()), json);
}

async function viewBusy(views: readonly ViewRequests[], json: boolean): Promise<Response | undefined> {
  for (const view of views) {
    const admission = await admitView(view);
    if (admission.ok) continue;
    const retryAfter = Math.max(1, admission.retryAfterSeconds);
    return unavailable(json, retryAfter, `The rankings for this view are busy right now. Please try again in ${retryAfter} s.`);
  }
  return undefined;
}

const dataDayNow = () => currentDataDay(new Date(), getConfig().settleMinutes);

/**
 * The slice boards (lib/boards/slices): `/rankings` is the hub, rendered at `/rankings/all`;
 * `/rankings/<family>/<slug>?window=` a board's window, rendered at `/rankings/<family>/<slug>/<window>`;
 * `/rankings/<family>` the family's section of the hub. Anything else, or a window the slice does not
 * offer (days on an estimated slice), is a 404 before anything is fetched.
 */
async function rankingsRoute(request: NextRequest): Promise<Response> {
  const { pathname, searchParams } = request.nextUrl;
  const parts = pathname.slice(RANKINGS_PATH.length).split('/').filter(Boolean).map(decodeSafely);
  const rewrite = (path: string) => {
    const url = request.nextUrl.clone();
    url.pathname = path;
    url.search = '';
    return NextResponse.rewrite(url);
  };
  const [first = '', slug, window, ...rest] = parts;
  if (parts.length === 0) return (await sliceViewBusy('hub', false)) ?? rewrite(HUB_PAGE);
  if (parts.length === 1) {
    if (`${RANKINGS_PATH}/${first}` === HUB_PAGE) return (await sliceViewBusy('hub', false)) ?? NextResponse.next();
    return isSliceFamily(first) ? NextResponse.redirect(new URL(familyHref(first), request.nextUrl.origin), 308) : notFound(request);
  }
  const slice = sliceOf(first, slug!);
  if (!slice || rest.length > 0) return notFound(request);
  const offered = (name: string) => isSliceWindowName(name) && windowNamesOf(slice).includes(name);
  const asked = window ?? searchParams.get('window') ?? DEFAULT_SLICE_WINDOW;
  if (!isSliceWindowName(asked) || !offered(asked)) return notFound(request);
  const busy = await sliceViewBusy({ board: slice }, false);
  return busy ?? (window === undefined ? rewrite(slicePagePath(slice, asked)) : NextResponse.next());
}

/** Where the hub renders (`app/(site)/rankings/[family]`, with every family): a dynamic segment, so a build makes no upstream call for it. */
const HUB_PAGE = `${RANKINGS_PATH}/all`;
const API_SLICE_PATH = /^\/api\/rankings\/([^/]+)\/([^/]+)\/?$/;

const ARCHIVE_MONTH_PATH = /^\/models\/archive\/([^/]+)\/?$/;
const WINDOW_PATH = /^\/models\/window\/([^/]*)\/?$/;

/** The permaslug a model page's path names (`/models/openai/gpt-4o%3Afree` → `openai/gpt-4o:free`); null for other paths. */
export function modelPageSlug(pathname: string): string | null {
  const match = /^\/models\/(?!(?:window|archive)(?:\/|$))(.+?)\/?$/.exec(pathname);
  if (!match) return null;
  const segments = match[1]!.split('/').map(decodeSegment);
  return segments.every((segment) => segment !== null) ? segments.join('/') : null;
}

function decodeSafely(value: string): string {
  return decodeSegment(value) ?? '-';
}

const MESSAGE = 'The rankings are not available yet: the data source is not answering. Please try again in a minute.';

function unavailable(json: boolean, retryAfter: number, message = MESSAGE): Response {
  const headers = { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' };
  if (json) return NextResponse.json({ error: { code: 503, message } }, { status: 503, headers });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Temporarily unavailable — Tokenboard</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;line-height:1.5;color:#14171f;background:#fff}@media (prefers-color-scheme:dark){body{color:#e8eaf0;background:#0f1115}}</style></head><body><h1>Temporarily unavailable</h1><p>${message}</p></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

export const config = {
  runtime: 'nodejs',
  // Everything but build assets: staff paths must be recognised in any spelling (`/staff.rsc`, `/Staff/`,
  // `/%73taff`), which a path pattern cannot promise; staffAreaOf and DATA_PATH decide.
  matcher: ['/((?!_next/static/|_next/image|favicon.ico$).*)'],
};
