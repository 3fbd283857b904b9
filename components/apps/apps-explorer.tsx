'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import useSWR, { useSWRConfig } from 'swr';
import { DownloadLinks } from '@/components/site/download-links';
import { appsHeading, appsTitle } from '@/lib/boards/apps/labels';
import { APPS_MAX_RANKS, type AppsQuery, type AppsView } from '@/lib/boards/apps/types';
import { appsApiHref, appsHref, appsQueryFromSearch } from '@/lib/boards/apps/url';
import { TOKENIZER_CAVEAT } from '@/lib/citation';
import { appsDownloadHref } from '@/lib/boards/apps/url';
import { downloadHrefs } from '@/lib/downloads';
import { AppsControls } from './apps-controls';
import { AppsPagination } from './apps-pagination';
import { appsCaption, AppsTable, AppsTableSkeleton } from './apps-table';
import { isPlainLeftClick, type LinkTo } from './view-link';
import './apps.css';

/** An HTTP error from one of our JSON routes, with the route's own message (`{ error: { message } }`). */
class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** The one fetcher: our routes answer JSON, and errors as `{ error: { message } }` with a status. */
async function fetcher<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const message =
      typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null &&
      'message' in body.error && typeof body.error.message === 'string'
        ? body.error.message
        : `the server answered ${response.status}`;
    throw new FetchError(message, response.status);
  }
  return (await response.json()) as T;
}

export interface AppsExplorerProps {
  /** The server-rendered view: painted as is, never re-fetched on load. */
  initial: AppsView;
  /** '/apps', '/apps/<category>' or '/apps/<category>/<subcategory>': the page the view's links stay on. */
  basePath: string;
  /** What the page shows between its heading (which follows the view) and the controls. */
  children?: ReactNode;
}

/**
 * After an in-place change of view, the tab title and the canonical URL name the view on screen, as a
 * direct load of its URL would. The site name and origin are read from what the server rendered.
 */
function useDocumentFollows(query: AppsQuery, view: AppsView | undefined, navigated: boolean) {
  const siteName = useRef<string | null>(null);
  useEffect(() => {
    siteName.current ??= document.title.split(' — ').at(-1) ?? '';
    if (!navigated || !view) return;
    document.title = `${appsTitle(query, view.dataDay)} — ${siteName.current}`;
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    if (canonical) canonical.href = new URL(`${window.location.pathname}${window.location.search}`, canonical.href).href;
  }, [query, view, navigated]);
}

/** The app rankings with sort, window and page controls: links that work without JS, upgraded to in-place updates. */
export function AppsExplorer({ initial, basePath, children }: AppsExplorerProps) {
  const [query, setQuery] = useState<AppsQuery>(initial.query);
  const [navigated, setNavigated] = useState(false);
  // A new server render (e.g. a <Link> to another query of this page) replaces the state it seeded.
  const [seed, setSeed] = useState(initial);
  if (seed !== initial) {
    setSeed(initial);
    setQuery(initial.query);
  }
  const regionRef = useRef<HTMLDivElement>(null);

  const key = appsApiHref(query);
  const initialKey = appsApiHref(initial.query);
  const { data: view, error, isLoading, isValidating, mutate } = useSWR<AppsView, FetchError>(key, fetcher<AppsView>, {
    // The server's view paints the first render (and the SSR HTML); only for its own key, or it would
    // stand in for every view not loaded yet.
    fallbackData: key === initialKey ? initial : undefined,
    // Rankings change once a day: nothing is fetched on load, on focus, on reconnect, or for a view
    // already in the cache; only a view not seen yet is fetched.
    revalidateOnMount: false,
    revalidateIfStale: false,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    // The last table stays (dimmed) while the next loads, and after a failed load.
    keepPreviousData: true,
    // 4xx do not heal by retrying and 503s come with Retry-After: the visitor gets "Try again" instead.
    shouldRetryOnError: false,
  });
  // Fallback data is not cached data: without this, going back to the server's view would show the
  // view left behind (keepPreviousData) and never load (revalidateIfStale: false). Runs before paint.
  const { mutate: mutateCache } = useSWRConfig();
  useLayoutEffect(() => {
    void mutateCache(initialKey, initial, { revalidate: false });
  }, [mutateCache, initialKey, initial]);

  const { category, subcategory } = initial.query;
  useEffect(() => {
    const urlQuery = () =>
      window.location.pathname === basePath ? appsQueryFromSearch(window.location.search, { category, subcategory }) : null;
    const onPopState = () => {
      const next = urlQuery();
      if (!next) return;
      setQuery(next);
      setNavigated(true);
    };
    // Back to this page from another one, the router may restore an earlier render of it (the view
    // first loaded) under a URL pushed since: the URL wins. Normally they agree and nothing happens.
    const atMount = urlQuery();
    if (atMount && appsApiHref(atMount) !== initialKey) onPopState();
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [basePath, category, subcategory, initialKey]);

  const linkTo: LinkTo = useCallback(
    (target) => {
      const href = appsHref(basePath, target);
      return {
        href,
        onClick: (event) => {
          if (!isPlainLeftClick(event)) return;
          event.preventDefault();
          if (`${window.location.pathname}${window.location.search}` !== href) window.history.pushState(null, '', href);
          setQuery(target);
          setNavigated(true);
          // From the pagination under a long table, bring the new page's top into view.
          const region = regionRef.current;
          if (region && region.getBoundingClientRect().top < 0) region.scrollIntoView({ block: 'start' });
        },
      };
    },
    [basePath],
  );

  const status = isLoading ? 'Loading…' : navigated && view && !error ? summary(view) : '';
  useDocumentFollows(query, view, navigated);

  return (
    <div className="apps-explorer">
      <h1>{appsHeading(query)}</h1>
      {children}
      <AppsControls query={query} linkTo={linkTo} />
      <div ref={regionRef} className="apps-view" aria-busy={isLoading ? 'true' : undefined}>
        <p className="visually-hidden" role="status">
          {status}
        </p>
        {error && !isValidating ? (
          <div role="alert" className="apps-alert">
            <p>Could not load this view: {error.message}</p>
            <button type="button" className="button" onClick={() => void mutate()}>
              Try again
            </button>
          </div>
        ) : null}
        {view ? (
          <ViewBody view={view} linkTo={linkTo} />
        ) : (
          <AppsTableSkeleton rows={query.pageSize} />
        )}
      </div>
      {view && view.totalRanked > 0 ? <AppsPagination query={query} pageCount={view.pageCount} linkTo={linkTo} /> : null}
      <DownloadLinks hrefs={downloadHrefs((format) => appsDownloadHref(query, format))} subject="every rank of this table" />
      {view ? <Attribution view={view} /> : null}
    </div>
  );
}

function summary(view: AppsView): string {
  if (view.totalRanked === 0) return 'No app grew in this window.';
  if (view.rows.length === 0) return `Page ${view.query.page} is past the end of this list.`;
  return appsCaption(view);
}

function ViewBody({ view, linkTo }: { view: AppsView; linkTo: LinkTo }) {
  const { query, totalRanked } = view;
  if (totalRanked === 0) {
    return <p className="apps-note">No app grew in this window.</p>;
  }
  return (
    <>
      {query.sort === 'trending' ? (
        <p className="apps-note muted">
          Ranked by OpenRouter by how fast each app&apos;s tokens grew in this window against the windows before it. The
          growth figure itself is not published, so an app with fewer tokens can rank above a larger one;{' '}
          <a href="/methodology#figures">how the rankings are made</a>.
        </p>
      ) : null}
      {query.sort === 'trending' && totalRanked < APPS_MAX_RANKS ? (
        <p className="apps-note">
          Only {totalRanked} {totalRanked === 1 ? 'app' : 'apps'} grew in this window.
        </p>
      ) : null}
      {view.rows.length > 0 ? (
        <AppsTable view={view} />
      ) : (
        <p className="apps-note">
          Page {query.page} is past the end of this list ({totalRanked} {totalRanked === 1 ? 'app' : 'apps'} ranked).{' '}
          <a {...linkTo({ ...query, page: 1 })}>Go to page 1</a>
        </p>
      )}
    </>
  );
}

function Attribution({ view }: { view: AppsView }) {
  return (
    <div className="citation">
      <p>
        {view.source === 'demo' ? 'Synthetic demo figures: there is no source to cite.' : view.citation}
        {view.license ? (
          <>
            {' '}
            <a href={view.license.url} rel="license">
              {view.license.text}
            </a>
          </>
        ) : null}
      </p>
      <p className="muted">{TOKENIZER_CAVEAT}</p>
    </div>
  );
}
