/**
 * The first path segments some route of the app answers. middleware.ts sends every other address to the
 * site's 404 page (inside the `(site)` layout, with its header and footer) itself, so that Next's own
 * root not-found boundary, which travels in every page's payload, can stay a few bytes. A route added
 * under a new first segment must be added here: tests/e2e/demo/routes.spec.ts checks this list against
 * the build's route manifest. No imports: middleware and tests read it.
 */
const ROUTED = new Set([
  'models',
  'apps',
  'rankings',
  'methodology',
  'sign-in',
  'staff',
  'api',
  'download',
  'embed',
  'og',
  'feed.xml',
  'feed',
  'sitemap.xml',
  'robots.txt',
  'manifest.webmanifest',
  'icon.svg',
  'apple-icon',
  '_next',
]);

/** The share card of the home page: `opengraph-image` with the hash Next gives its file. */
const OPENGRAPH_IMAGE = /^opengraph-image(?:-[\w-]+)?$/;

/** The site's 404 page, reached only through middleware.ts (which answers it with status 404). */
export const NOT_FOUND_PATH = '/page-not-found';

/** True when a route answers the path's first segment (the page may still be a 404: that is its call). */
export function isRoutedPath(pathname: string): boolean {
  const first = pathname.split('/')[1] ?? '';
  return first === '' || ROUTED.has(first) || OPENGRAPH_IMAGE.test(first);
}
