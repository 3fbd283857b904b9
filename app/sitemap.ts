import type { MetadataRoute } from 'next';
import { viewBasePath } from '@/lib/boards/apps/labels';
import { APP_CATEGORIES, CATEGORY_NAMES } from '@/lib/datasets/endpoints/app-rankings/values';
import { getConfig } from '@/lib/env';
import { getModelHistory } from '@/lib/boards/models/history';
import { archiveLastModified } from '@/lib/rankings/archive';
import { knownPermaslugs } from '@/lib/rankings/model-profile';
import { archiveHref, modelHref, modelsHref } from '@/lib/routes';
import { completeMonths, WINDOW_NAMES } from '@/lib/utc-day';

export const revalidate = 3600;

/** Every public page: the model views, every model in the history, the monthly archive, and every app category page. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = getConfig();
  const { history, dataDay } = await getModelHistory();
  const lastModified = dataDay;
  const appPaths = [
    viewBasePath({ category: null, subcategory: null }),
    ...CATEGORY_NAMES.flatMap((category) => [
      viewBasePath({ category, subcategory: null }),
      ...APP_CATEGORIES[category].map((subcategory) => viewBasePath({ category, subcategory })),
    ]),
  ];
  const paths = ['/', ...WINDOW_NAMES.map(modelsHref), archiveHref(), '/methodology', ...appPaths, ...knownPermaslugs(history).map(modelHref)];
  // A month page changes in substance (restated figures, its "next month" link) until the data day passes
  // the end of the following month; after that only its as-of line moves.
  const months = completeMonths(dataDay).map((month) => ({ url: `${siteUrl}${archiveHref(month)}`, lastModified: archiveLastModified(month, dataDay) }));
  return [...paths.map((path) => ({ url: `${siteUrl}${path}`, lastModified })), ...months];
}
