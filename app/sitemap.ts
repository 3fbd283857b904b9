import type { MetadataRoute } from 'next';
import { boardSitemaps } from '@/lib/boards/server';
import { getDatasets } from '@/lib/data-layer';
import { getConfig } from '@/lib/env';

export const revalidate = 3600;

/** Every public page: the home page and methodology, then each board's pages (lib/boards/server.ts). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = getConfig();
  const dataDay = getDatasets().dataDay();
  const pages = [{ path: '/', lastModified: dataDay }, { path: '/methodology', lastModified: dataDay }, ...(await boardSitemaps())];
  return pages.map(({ path, lastModified }) => ({ url: `${siteUrl}${path}`, lastModified }));
}
