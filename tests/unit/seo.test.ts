import { DEFAULT_APPS_QUERY } from '@/lib/boards/apps/types';
import { appsHref } from '@/lib/boards/apps/url';
import { DEMO_LABEL, LICENSE_URL } from '@/lib/citation';
import { modelHref, modelsHref } from '@/lib/routes';
import { absoluteUrl, breadcrumbJsonLd, datasetJsonLd, jsonLdScript, listNames, pageMetadata, type DatasetSeo } from '@/lib/seo';

const site = { siteUrl: 'https://tokenboard.example', siteName: 'Tokenboard' };

describe('canonical URLs', () => {
  it('joins SITE_URL and a path with exactly one slash, whatever SITE_URL ends with', () => {
    expect(absoluteUrl('https://tokenboard.example', '/models')).toBe('https://tokenboard.example/models');
    expect(absoluteUrl('https://tokenboard.example/', '/models')).toBe('https://tokenboard.example/models');
    expect(absoluteUrl('https://tokenboard.example//', 'models')).toBe('https://tokenboard.example/models');
    expect(absoluteUrl('https://tokenboard.example', '/')).toBe('https://tokenboard.example/');
  });

  it('drops the default window and keeps the others as a query', () => {
    expect(absoluteUrl(site.siteUrl, modelsHref('month'))).toBe('https://tokenboard.example/models');
    expect(absoluteUrl(site.siteUrl, modelsHref('week'))).toBe('https://tokenboard.example/models?window=week');
  });

  it('spells an app view one way: defaults dropped, parameters in a fixed order', () => {
    const a = appsHref('/apps/coding', { ...DEFAULT_APPS_QUERY, pageSize: 50, page: 2, window: 'week', sort: 'trending' });
    const b = appsHref('/apps/coding', { page: 2, sort: 'trending', pageSize: 50, window: 'week' });
    expect(a).toBe('/apps/coding?sort=trending&window=week&page=2&pageSize=50');
    expect(b).toBe(a);
    expect(appsHref('/apps', DEFAULT_APPS_QUERY)).toBe('/apps');
  });

  it('keeps a model permaslug readable: slashes as path segments, the colon of :free unescaped', () => {
    expect(absoluteUrl(site.siteUrl, modelHref('deepseek/deepseek-chat-v3.1:free'))).toBe(
      'https://tokenboard.example/models/deepseek/deepseek-chat-v3.1:free',
    );
  });
});

describe('pageMetadata', () => {
  it('gives the canonical URL and the same title and description to Open Graph and Twitter', () => {
    const meta = pageMetadata(site, { title: 'Top AI models by tokens — 7 days to Nov 30, 2026', description: 'd', path: '/models?window=week' });
    expect(meta.alternates?.canonical).toBe('https://tokenboard.example/models?window=week');
    expect(meta.openGraph).toMatchObject({ title: 'Top AI models by tokens — 7 days to Nov 30, 2026', url: 'https://tokenboard.example/models?window=week', siteName: 'Tokenboard' });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', title: 'Top AI models by tokens — 7 days to Nov 30, 2026', description: 'd' });
    expect(meta.robots).toBeUndefined();
    // The page's alternates replace the layout's: the feed is announced by every page itself.
    expect(meta.alternates?.types).toEqual({ 'application/atom+xml': [{ url: 'https://tokenboard.example/feed.xml', title: 'Tokenboard: daily model rankings' }] });
  });

  it('keeps a duplicate view out of the index but lets crawlers follow its links', () => {
    expect(pageMetadata(site, { title: 't', description: 'd', path: '/apps?pageSize=50', duplicate: true }).robots).toEqual({ index: false, follow: true });
  });

  it('uses an absolute title as the Open Graph title too', () => {
    expect(pageMetadata(site, { title: { absolute: 'Tokenboard — home' }, description: 'd', path: '/' }).openGraph).toMatchObject({ title: 'Tokenboard — home' });
  });

  it('names leaders as a list', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['a'])).toBe('a');
    expect(listNames(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('structured data', () => {
  const dataset: DatasetSeo = {
    name: 'Top AI models by tokens, 7 days to Nov 30, 2026',
    description: 'Daily tokens.',
    path: '/models?window=week',
    source: 'rankings-daily',
    demo: false,
    start: '2026-11-24',
    end: '2026-11-30',
    asOf: '2026-12-01T00:00:00.000Z',
    csv: '/download/models.csv?window=week',
    json: '/download/models.json?window=week',
  };

  it('describes live figures as OpenRouter data under CC BY 4.0 with both downloads', () => {
    const node = datasetJsonLd(site, dataset);
    expect(node).toMatchObject({
      '@type': 'Dataset',
      creator: { '@type': 'Organization', name: 'OpenRouter' },
      license: LICENSE_URL,
      temporalCoverage: '2026-11-24/2026-11-30',
      dateModified: '2026-12-01T00:00:00.000Z',
      url: 'https://tokenboard.example/models?window=week',
    });
    expect(node.distribution).toEqual([
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: 'https://tokenboard.example/download/models.csv?window=week' },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: 'https://tokenboard.example/download/models.json?window=week' },
    ]);
  });

  it('never credits OpenRouter or its licence for demo figures', () => {
    const node = datasetJsonLd(site, { ...dataset, demo: true });
    expect(JSON.stringify(node)).not.toContain('OpenRouter"');
    expect(node.license).toBeUndefined();
    expect(node.name).toContain(DEMO_LABEL);
    expect(node.creator).toMatchObject({ name: 'Tokenboard' });
  });

  it('gives a one-day range as a single date', () => {
    expect(datasetJsonLd(site, { ...dataset, start: '2026-11-30' }).temporalCoverage).toBe('2026-11-30');
  });

  it('numbers breadcrumbs from 1 with absolute URLs', () => {
    expect(breadcrumbJsonLd(site, [{ name: 'Models', path: '/models' }, { name: 'x/y', path: '/models/x/y' }])).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Models', item: 'https://tokenboard.example/models' },
        { '@type': 'ListItem', position: 2, name: 'x/y', item: 'https://tokenboard.example/models/x/y' },
      ],
    });
  });

  it('serialises so that no name can close the script element', () => {
    const text = jsonLdScript([breadcrumbJsonLd(site, [{ name: 'evil</script><script>alert(1)</script>', path: '/' }])]);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)['@graph'][0].itemListElement[0].name).toBe('evil</script><script>alert(1)</script>');
    expect(JSON.parse(text)['@context']).toBe('https://schema.org');
  });
});
