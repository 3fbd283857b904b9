/**
 * The spelling of every public download URL (`/download/<board>.<format>?…`); each board's query string
 * comes from its download spec (lib/boards/<board>/board.ts), defaults dropped and in a fixed order, so
 * each file has one URL. No server-only imports and no registry: the apps island runs this too.
 */

export const DOWNLOAD_FORMATS = ['csv', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export const DOWNLOAD_CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function downloadHref(board: string, format: DownloadFormat, params: URLSearchParams): string {
  const search = params.toString();
  return `/download/${board}.${format}${search ? `?${search}` : ''}`;
}

export type DownloadHrefs = Record<DownloadFormat, string>;

/** Both formats of one file, for `<DownloadLinks>`: `downloadHrefs((format) => modelDownloadHref(slug, format))`. */
export function downloadHrefs(href: (format: DownloadFormat) => string): DownloadHrefs {
  return { csv: href('csv'), json: href('json') };
}
