import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDatasets } from '../../data-layer';
import { APP_CATEGORIES, CATEGORY_NAMES } from '../../datasets/endpoints/app-rankings/values';
import { getConfig } from '../../env';
import { formatDay, formatRange, WINDOW_LABELS } from '../../format';
import { cardAlt } from '../../og/card-data';
import { socialImage } from '../../og/metadata';
import { appsOgImageHref, decodeSegment } from '../../routes';
import { breadcrumbJsonLd, datasetJsonLd, listNames, pageMetadata, type Crumb } from '../../seo';
import type { SitemapPage } from '../server';
import { appsViewCard } from './card';
import { appsTitle, CATEGORY_INFO, groupTitle, SUBCATEGORY_NAMES, viewBasePath } from './labels';
import { validateAppsQuery } from './query';
import { DEFAULT_APPS_QUERY, type AppsQuery } from './types';
import { appsDownloadHref, appsHref } from './url';
import { getAppsView } from './view';

/**
 * An apps view's page: `/apps[/<category>[/<subcategory>]]?sort=&window=&page=`, rendered at
 * `/apps/v/<sort>/<window>/<filter>/<pageSize>/<page>` (`filter`: all, <category> or <category>.<subcategory>).
 */

export interface AppsPageSegments {
  sort: string;
  window: string;
  filter: string;
  pageSize?: string;
  page?: string;
}

/** The view the path segments name; a 404 for any value the site does not publish, before anything is fetched. */
export function appsQueryOf({ sort, window, filter, pageSize, page }: AppsPageSegments): AppsQuery {
  const decoded = filter === 'all' ? '' : decodeSegment(filter);
  if (decoded === null) notFound();
  const [category, subcategory, ...rest] = decoded === '' ? [] : decoded.split('.');
  if (rest.length > 0 || category === '') notFound();
  const result = validateAppsQuery({ sort, window, category, subcategory, page, pageSize });
  if (!result.ok) notFound();
  return result.query;
}

export async function appsPageMetadata(q: AppsQuery): Promise<Metadata> {
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

/** The view's page of ranks and its structured data; a 404 past the view's last page. */
export async function loadAppsPage(q: AppsQuery) {
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
  return { view, structured };
}

/** The board's pages for the sitemap: all apps, and every category and subcategory (default sort and window). */
export async function appsSitemap(): Promise<SitemapPage[]> {
  const lastModified = getDatasets().dataDay();
  const paths = [
    viewBasePath({ category: null, subcategory: null }),
    ...CATEGORY_NAMES.flatMap((category) => [
      viewBasePath({ category, subcategory: null }),
      ...APP_CATEGORIES[category].map((subcategory) => viewBasePath({ category, subcategory })),
    ]),
  ];
  return paths.map((path) => ({ path, lastModified }));
}
