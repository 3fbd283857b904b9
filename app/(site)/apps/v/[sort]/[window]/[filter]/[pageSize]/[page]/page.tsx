import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AppsExplorer } from '@/components/apps/apps-explorer';
import { CategoryNav } from '@/components/apps/category-nav';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { appsTitle, CATEGORY_INFO, groupTitle, SUBCATEGORY_NAMES, viewBasePath } from '@/lib/boards/apps/labels';
import { validateAppsQuery } from '@/lib/boards/apps/query';
import { DEFAULT_APPS_QUERY, type AppsQuery } from '@/lib/boards/apps/types';
import { appsDownloadHref, appsHref } from '@/lib/boards/apps/url';
import { getAppsView } from '@/lib/boards/apps/view';
import { getConfig } from '@/lib/env';
import { formatDay, formatRange, WINDOW_LABELS } from '@/lib/format';
import { cardAlt } from '@/lib/og/card-data';
import { appsViewCard } from '@/lib/og/cards';
import { socialImage } from '@/lib/og/metadata';
import { appsOgImageHref, decodeSegment } from '@/lib/routes';
import { breadcrumbJsonLd, datasetJsonLd, listNames, pageMetadata, type Crumb } from '@/lib/seo';

// Reached through middleware.ts, which rewrites /apps[/<category>[/<subcategory>]]?sort=&window=&page=
// here, so each view and page is one ISR page; invalid values are a 404 before anything is fetched.
export const revalidate = 60;

export function generateStaticParams() {
  return [{ sort: 'popular', window: 'month', filter: 'all', pageSize: '25', page: '1' }];
}

interface PageProps {
  params: Promise<{ sort: string; window: string; filter: string; pageSize: string; page: string }>;
}

async function queryFrom(params: PageProps['params']): Promise<AppsQuery> {
  const { sort, window, filter, pageSize, page } = await params;
  const decoded = filter === 'all' ? '' : decodeSegment(filter);
  if (decoded === null) notFound();
  const [category, subcategory, ...rest] = decoded === '' ? [] : decoded.split('.');
  if (rest.length > 0 || category === '') notFound();
  const result = validateAppsQuery({ sort, window, category, subcategory, page, pageSize });
  if (!result.ok) notFound();
  return result.query;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const q = await queryFrom(params);
  const view = await getAppsView(q);
  const what = q.category ? `${groupTitle(q)} apps` : 'apps';
  const topic = q.category && !q.subcategory ? ` (${CATEGORY_INFO[q.category].description})` : '';
  const leaders = q.page === 1 ? view.rows.slice(0, 3).map((row) => row.appName) : [];
  return pageMetadata(getConfig(), {
    title: appsTitle(q, view.dataDay),
    description: `The public ${what}${topic} on OpenRouter ${q.sort === 'trending' ? 'growing fastest' : 'using the most tokens'} over ${WINDOW_LABELS[q.window].long} to ${formatDay(view.dataDay)}${leaders.length ? `, led by ${listNames(leaders)}` : ''}: rank, tokens, requests, tokens per request and share.`,
    path: appsHref(viewBasePath(q), q),
    // 50 a page lists the same ranks as two pages of 25: one of the two spellings is enough for an index.
    duplicate: q.pageSize !== DEFAULT_APPS_QUERY.pageSize,
    image: socialImage(appsOgImageHref(q), cardAlt(await appsViewCard(q))),
  });
}

export default async function AppsPage({ params }: PageProps) {
  const q = await queryFrom(params);
  const view = await getAppsView(q);
  if (q.page > view.pageCount) notFound();

  const site = getConfig();
  const crumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: 'Apps', path: '/apps' },
    ...(q.category ? [{ name: CATEGORY_INFO[q.category].name, path: viewBasePath({ category: q.category, subcategory: null }) }] : []),
    ...(q.category && q.subcategory ? [{ name: SUBCATEGORY_NAMES[q.subcategory], path: viewBasePath(q) }] : []),
  ];
  const structured = [
    datasetJsonLd(site, {
      name: `${q.sort === 'trending' ? 'Trending' : 'Top'} ${q.category ? `${groupTitle(q)} apps` : 'apps'} by tokens, ${WINDOW_LABELS[q.window].long} to ${formatDay(view.dataDay)}`,
      description: `Every ranked public app of this view on OpenRouter (up to 200) over ${formatRange(view.range.start, view.range.end)} (UTC): tokens, requests, tokens per request and share.`,
      path: appsHref(viewBasePath(q), q),
      source: 'app-rankings',
      demo: view.source === 'demo',
      start: view.range.start,
      end: view.range.end,
      asOf: view.asOf,
      csv: appsDownloadHref(q, 'csv'),
      json: appsDownloadHref(q, 'json'),
    }),
    breadcrumbJsonLd(site, crumbs),
  ];

  return (
    <>
      <JsonLd nodes={structured} />
      <AppsExplorer initial={view} basePath={viewBasePath(q)}>
        {q.category && !q.subcategory ? <p className="muted">Apps for {CATEGORY_INFO[q.category].description}.</p> : null}
        <Freshness dataDay={view.dataDay} asOf={view.asOf} />
        <CategoryNav category={q.category} subcategory={q.subcategory} />
      </AppsExplorer>
    </>
  );
}
