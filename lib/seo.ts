import type { Metadata } from 'next';
import { DEMO_LABEL, LICENSE_URL } from './citation';
import { citationSite, type CitationSource } from './attribution';

/**
 * Metadata and structured data for public pages, as pure functions of what the page knows, so the rules
 * are unit-tested in one place: absolute canonical URLs from SITE_URL (paths come from lib/routes.ts and
 * lib/boards/apps/url.ts, which already drop defaults and fix the parameter order), Open Graph/Twitter text that
 * matches the title, `noindex` for views that duplicate another, and schema.org `Dataset` / breadcrumbs.
 */

export interface PageSeo {
  /** Shown as `<title> — Tokenboard` (the layout's template) unless `absolute`. */
  title: string | { absolute: string };
  description: string;
  /** Canonical path with its normalised query, e.g. `/models?window=week`. */
  path: string;
  /** A duplicate of another page (kept out of the index, links still followed). */
  duplicate?: boolean;
  /** The page's social card (lib/og/metadata.ts); without one, the site's default card applies. */
  image?: SocialImage;
}

export interface SocialImage {
  url: string;
  alt: string;
  type: string;
  width: number;
  height: number;
}

/** `http://x.test/` + `/models?window=week` → `http://x.test/models?window=week` (one slash, no trailing one on `/`). */
export function absoluteUrl(siteUrl: string, path: string): string {
  const origin = siteUrl.replace(/\/+$/, '');
  return path === '/' ? `${origin}/` : `${origin}${path.startsWith('/') ? path : `/${path}`}`;
}

export interface Site {
  siteUrl: string;
  siteName: string;
}

/** Title, description, canonical, Open Graph and Twitter text of a page (`site` is lib/env.ts's config). */
export function pageMetadata({ siteUrl, siteName }: Site, page: PageSeo): Metadata {
  const url = absoluteUrl(siteUrl, page.path);
  const shared = typeof page.title === 'string' ? page.title : page.title.absolute;
  return {
    title: page.title,
    description: page.description,
    // A page's `alternates` replaces the layout's, so the feed is announced here, on every page.
    alternates: { canonical: url, types: { 'application/atom+xml': [{ url: absoluteUrl(siteUrl, '/feed.xml'), title: `${siteName}: daily model rankings` }] } },
    openGraph: { title: shared, description: page.description, url, siteName, type: 'website', locale: 'en_US', ...(page.image ? { images: [page.image] } : {}) },
    twitter: { card: 'summary_large_image', title: shared, description: page.description, ...(page.image ? { images: [page.image] } : {}) },
    ...(page.duplicate ? { robots: { index: false, follow: true } } : {}),
  };
}

/** `a, b and c`: the leaders a title or description names. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export interface DatasetSeo {
  name: string;
  description: string;
  path: string;
  source: CitationSource;
  demo: boolean;
  /** First and last UTC day covered. */
  start: string;
  end: string;
  asOf: string;
  /** Paths of the CSV and JSON downloads of the page's table. */
  csv: string;
  json: string;
}

export interface Crumb {
  name: string;
  path: string;
}

type JsonLd = Record<string, unknown>;

/**
 * schema.org `Dataset`. Live figures are OpenRouter's (creator) under CC BY 4.0, republished by this
 * site; demo figures are synthetic, so they name no creator or licence and say so in the name.
 */
export function datasetJsonLd(site: Site, d: DatasetSeo): JsonLd {
  const publisher = { '@type': 'Organization', name: site.siteName, url: absoluteUrl(site.siteUrl, '/') };
  return {
    '@type': 'Dataset',
    name: d.demo ? `${d.name} (${DEMO_LABEL})` : d.name,
    description: d.demo ? `${d.description} ${DEMO_LABEL}.` : d.description,
    url: absoluteUrl(site.siteUrl, d.path),
    ...(d.demo
      ? { creator: publisher }
      : {
          creator: { '@type': 'Organization', name: 'OpenRouter', url: 'https://openrouter.ai' },
          license: LICENSE_URL,
          isBasedOn: `https://${citationSite(d.source)}`,
        }),
    publisher,
    isAccessibleForFree: true,
    temporalCoverage: d.start === d.end ? d.start : `${d.start}/${d.end}`,
    dateModified: d.asOf,
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: absoluteUrl(site.siteUrl, d.csv) },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: absoluteUrl(site.siteUrl, d.json) },
    ],
  };
}

/** Home first, the page itself last. */
export function breadcrumbJsonLd(site: Site, crumbs: readonly Crumb[]): JsonLd {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(site.siteUrl, crumb.path),
    })),
  };
}

/** The site itself, on the home page. */
export function websiteJsonLd(site: Site, description: string): JsonLd {
  return { '@type': 'WebSite', name: site.siteName, url: absoluteUrl(site.siteUrl, '/'), description, inLanguage: 'en' };
}

/**
 * The document for a `<script type="application/ld+json">`: one `@graph`, serialised so that no `<`
 * can close the script element early (a model or app name is data, not markup).
 */
export function jsonLdScript(nodes: readonly JsonLd[]): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': nodes }).replace(/</g, '\\u003c');
}
