import 'server-only';
import type { Metadata } from 'next';
import type { SocialImage } from '../seo';
import { getConfig } from '../env';
import { OG_IMAGE_SIZE, OG_IMAGE_TYPE } from './card-data';

/** The site-wide Open Graph fields; a page that sets its own `openGraph` replaces the layout's whole object, so it spreads these. */
export function siteOpenGraph(): NonNullable<Metadata['openGraph']> {
  return { siteName: getConfig().siteName, type: 'website', locale: 'en_US' };
}

/**
 * The og:image and twitter:image of a page whose card is served by an `/og/*` route (see lib/routes.ts
 * for why those cards are not opengraph-image files next to the page); lib/seo.ts's pageMetadata uses it.
 */
export function socialImage(url: string, alt: string): SocialImage {
  return { url, alt, type: OG_IMAGE_TYPE, ...OG_IMAGE_SIZE };
}
