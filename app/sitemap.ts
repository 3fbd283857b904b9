import type { MetadataRoute } from 'next';
import { viewBasePath } from '@/lib/apps/labels';
import { APP_CATEGORIES, CATEGORY_NAMES } from '@/lib/datasets/categories';
import { getConfig } from '@/lib/env';
import { getModelHistory } from '@/lib/model-history';
import { knownPermaslugs } from '@/lib/rankings/model-profile';
import { modelHref, modelsHref } from '@/lib/routes';
import { WINDOW_NAMES } from '@/lib/utc-day';

export const revalidate = 3600;

/** Every public page: the model views, every model in the history, and every app category page. */
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
  const paths = ['/', ...WINDOW_NAMES.map(modelsHref), ...appPaths, ...knownPermaslugs(history).map(modelHref)];
  return paths.map((path) => ({ url: `${siteUrl}${path}`, lastModified }));
}
