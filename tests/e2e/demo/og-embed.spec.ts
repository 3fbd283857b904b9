import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.subarray(0, 8).toString('hex') !== PNG_SIGNATURE || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The `content` of `<meta property|name="…">` in a page's HTML (React may put the attributes in either order). */
function meta(html: string, key: string): string | null {
  const tag = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html);
  return tag ? tag[1]!.replaceAll('&amp;', '&') : null;
}

function link(html: string, rel: string): string | null {
  const tag = new RegExp(`<link rel="${rel}" href="([^"]*)"`).exec(html);
  return tag ? tag[1]!.replaceAll('&amp;', '&') : null;
}

async function disallowedPrefixes(request: APIRequestContext): Promise<string[]> {
  const robots = await (await request.get('/robots.txt')).text();
  return [...robots.matchAll(/^Disallow: (.+)$/gm)].map((match) => match[1]!.trim());
}

async function firstModelPath(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/models')).text();
  const href = /<th scope="row"[^>]*><a[^>]* href="(\/models\/[^"?]+)"/.exec(html)?.[1];
  expect(href).toBeTruthy();
  return href!;
}

test.describe('social cards', () => {
  test('each page names a 1200×630 PNG for og:image and twitter:image that any crawler may fetch', async ({ request, baseURL }) => {
    const disallowed = await disallowedPrefixes(request);
    expect(disallowed).toEqual(expect.arrayContaining(['/models/window/', '/apps/v/']));
    const pages = ['/', '/models', '/models?window=week', '/apps', '/apps?page=2', '/apps/coding', '/apps/coding/cli-agent?sort=trending', await firstModelPath(request)];
    const images = new Map<string, string>();
    for (const pagePath of pages) {
      const page = await request.get(pagePath);
      expect(page.status(), pagePath).toBe(200);
      const html = await page.text();
      const image = meta(html, 'og:image');
      expect(image, pagePath).toBeTruthy();
      expect(meta(html, 'twitter:image'), pagePath).toBe(image);
      expect(meta(html, 'twitter:card'), pagePath).toBe('summary_large_image');
      expect(meta(html, 'og:image:width'), pagePath).toBe('1200');
      expect(meta(html, 'og:image:height'), pagePath).toBe('630');
      expect(meta(html, 'og:image:alt'), pagePath).toBeTruthy();

      const url = new URL(image!);
      expect(url.origin, pagePath).toBe(new URL(baseURL!).origin);
      expect(disallowed.filter((prefix) => url.pathname.startsWith(prefix)), `${pagePath} → ${url.pathname}`).toEqual([]);
      const response = await request.get(url.pathname + url.search, { maxRedirects: 0 });
      expect(response.status(), url.pathname).toBe(200);
      expect(response.headers()['content-type'], url.pathname).toBe('image/png');
      expect(pngSize(await response.body()), url.pathname).toEqual({ width: 1200, height: 630 });
      // Drawn into the ISR cache and served from it, like the pages (a shared cache may keep it a minute).
      expect(response.headers()['x-nextjs-cache'], url.pathname).toMatch(/^(HIT|STALE|MISS)$/);
      expect(response.headers()['cache-control'], url.pathname).toMatch(/^s-maxage=60\b/);
      images.set(pagePath, url.pathname);
    }
    // One card per view: every view its own, and an apps view's page 2 shares page 1's.
    expect(images.get('/apps?page=2')).toBe(images.get('/apps'));
    expect(new Set(images.values()).size).toBe(pages.length - 1);
  });

  test('the alt text of a card names the demo label and the figures it shows', async ({ request }) => {
    const alt = meta(await (await request.get('/models?window=week')).text(), 'og:image:alt');
    expect(alt).toMatch(/^Demo data, synthetic\. Top AI models by tokens\. Last 7 days · .* \(UTC\): 1\. \S+ [\d.]+[KMBT]?, 2\. /);
  });

  test('a card that names nothing is a 404, not an image', async ({ request }) => {
    for (const url of ['/og/models/window/nope', '/og/models/no-such/model', '/og/apps/nope/month/all', '/og/apps/popular/year/all', '/og/apps/popular/month/coding.game', '/og/models/%ZZ']) {
      expect([url, (await request.get(url)).status()]).toEqual([url, 404]);
    }
  });
});

test.describe('slice boards: cards', () => {
  test('a slice board names its card, a 1200×630 PNG of its last completed week, "estimated" on a sampled slice', async ({ request, baseURL }) => {
    for (const [pagePath, card, estimated] of [
      ['/rankings/use-case/programming', '/og/rankings/use-case/programming', true],
      ['/rankings/use-case/programming?window=4-weeks', '/og/rankings/use-case/programming', true],
      ['/rankings/context/1m?window=30-days', '/og/rankings/context/1m', false],
    ] as const) {
      const html = await (await request.get(pagePath)).text();
      expect(meta(html, 'og:image'), pagePath).toBe(`${new URL(baseURL!).origin}${card}`);
      expect(meta(html, 'twitter:image'), pagePath).toBe(meta(html, 'og:image'));
      const alt = meta(html, 'og:image:alt');
      expect(alt, pagePath).toMatch(/^Demo data, synthetic\. .+\. .*Last completed week · .* \(UTC\): 1\. \S+ [\d.]+[KMBT]?/);
      expect(alt!.includes('Estimated tokens'), pagePath).toBe(estimated);

      const response = await request.get(card, { maxRedirects: 0 });
      expect(response.status(), card).toBe(200);
      expect(response.headers()['content-type'], card).toBe('image/png');
      expect(pngSize(await response.body()), card).toEqual({ width: 1200, height: 630 });
      expect(response.headers()['x-nextjs-cache'], card).toMatch(/^(HIT|STALE|MISS)$/);
      expect(response.headers()['cache-control'], card).toMatch(/^s-maxage=60\b/);
    }
  });

  test('a card that names no slice is a 404, at no data cost', async ({ request }) => {
    const usedToday = async () => ((await (await request.get('/api/health')).json()) as { budget: { usedToday: number } }).budget.usedToday;
    const before = await usedToday();
    for (const url of [
      '/og/rankings/use-case/nope',
      '/og/rankings/nope/programming',
      '/og/rankings/use-case/marketing%2Fseo',
      '/og/rankings/Use-Case/programming',
      '/og/rankings/use-case',
      '/og/rankings/use-case/programming/extra',
      '/og/rankings/context/%ZZ',
    ]) {
      expect([url, (await request.get(url)).status()]).toEqual([url, 404]);
    }
    expect(await usedToday()).toBe(before);
  });
});

test.describe('slice boards: embeds', () => {
  test('/embed/rankings of a sampled slice: its top models of the last completed week, "estimated", canonical to the board', async ({ page, baseURL }) => {
    const response = await page.goto('/embed/rankings?slice=use-case%2Fprogramming&top=5');
    expect(response?.status()).toBe(200);
    const table = page.getByRole('table', { name: /^Top 5 AI models by estimated tokens, Use case: Programming, last completed week \(.+, UTC\)$/ });
    await expect(table.getByRole('row')).toHaveCount(6);
    await expect(table.getByRole('columnheader', { name: 'Est. tokens' })).toBeVisible();
    await expect(table.locator('abbr').first()).toHaveAttribute('title', /^[\d,]+ tokens$/);
    await expect(page.getByRole('note').filter({ hasText: 'Demo data — synthetic, not from OpenRouter' })).toBeVisible();
    await expect(page.getByText(/^Source: OpenRouter/)).toHaveCount(0);

    const out = page.getByRole('link', { name: /Full board on Tokenboard/ });
    await expect(out).toHaveAttribute('href', `${baseURL}/rankings/use-case/programming`);
    await expect(out).toHaveAttribute('target', '_blank');
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /\bnoindex\b/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/rankings/use-case/programming`);
  });

  test('/embed/rankings of an exact slice offers its day window, counts not estimates, and pins its theme', async ({ page, baseURL }) => {
    await page.goto('/embed/rankings?slice=context%2F1m&window=day&theme=dark');
    const table = page.getByRole('table', { name: /^Top 10 AI models by tokens, Context length: 1M context, last day \(.+, UTC\)$/ });
    await expect(table.getByRole('columnheader', { name: 'Tokens' })).toBeVisible();
    await expect(page.locator('main.embed')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/rankings/context/1m?window=day`);
  });

  test('an invalid slice, window or layout is a 404, in the public URL and in the page it is rewritten to', async ({ request }) => {
    for (const url of [
      '/embed/rankings',
      '/embed/rankings?slice=',
      '/embed/rankings?slice=use-case',
      '/embed/rankings?slice=use-case%2Fnope',
      '/embed/rankings?slice=use-case%2Fprogramming&window=day',
      '/embed/rankings?slice=language%2Fnatural&window=30-days',
      '/embed/rankings?slice=context%2F1m&window=month',
      '/embed/rankings?slice=context%2F1m&top=51',
      '/embed/rankings?slice=context%2F1m&theme=sepia',
      '/embed/slices?slice=context%2F1m',
      '/embed/v/rankings/use-case/programming/day/10/auto',
      '/embed/v/rankings/use-case/nope/week/10/auto',
      '/embed/v/rankings/context/1m/week/0/auto',
      '/embed/v/rankings/context/1m/week/10/sepia',
    ]) {
      expect([url, (await request.get(url)).status()]).toEqual([url, 404]);
    }
  });
});

test.describe('icons and manifest', () => {
  test('the head links an SVG icon (so browsers never ask for /favicon.ico), an apple-touch-icon and the manifest', async ({ request }) => {
    for (const pagePath of ['/', '/models', '/embed/models']) {
      const html = await (await request.get(pagePath)).text();
      const icon = /<link rel="icon" href="([^"]+)"[^>]* type="image\/svg\+xml"/.exec(html)?.[1];
      expect(icon, pagePath).toBeTruthy();
      const svg = await request.get(icon!);
      expect(svg.status()).toBe(200);
      expect(svg.headers()['content-type']).toBe('image/svg+xml');

      const apple = link(html, 'apple-touch-icon');
      expect(apple, pagePath).toBeTruthy();
      const png = await request.get(apple!);
      expect(png.headers()['content-type']).toBe('image/png');
      expect(pngSize(await png.body())).toEqual({ width: 180, height: 180 });
      expect(link(html, 'manifest'), pagePath).toBe('/manifest.webmanifest');
    }
  });

  test('the manifest is valid JSON with a name, start URL, colours and icons that load', async ({ request }) => {
    const response = await request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await response.json()) as { name: string; short_name: string; start_url: string; display: string; theme_color: string; background_color: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ short_name: 'Tokenboard', start_url: '/', display: 'standalone', theme_color: '#ffffff', background_color: '#ffffff' });
    expect(manifest.name).toMatch(/^Tokenboard/);
    expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of manifest.icons) {
      const file = await request.get(icon.src);
      expect([icon.src, file.status(), file.headers()['content-type']]).toEqual([icon.src, 200, icon.type]);
    }
  });
});

async function background(page: Page): Promise<string> {
  return page.locator('main.embed').evaluate((main) => getComputedStyle(main).backgroundColor);
}

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(15, 17, 21)';

test.describe('embeds', () => {
  test('/embed/models: the table, its window and data day, the demo label and a link out — no site chrome, not indexed', async ({ page, baseURL }) => {
    const response = await page.goto('/embed/models');
    expect(response?.status()).toBe(200);
    const table = page.getByRole('table', { name: /^Top 10 AI models by tokens, last 30 days \(.+, UTC\)$/ });
    await expect(table.getByRole('row')).toHaveCount(11);
    // Models by the names readers know, not permaslugs.
    await expect(table.getByRole('rowheader').first()).toHaveText(/^[A-Za-z][^/]+$/);
    await expect(table.locator('abbr').first()).toHaveAttribute('title', /^[\d,]+ tokens$/);
    await expect(page.getByRole('note').filter({ hasText: 'Demo data — synthetic, not from OpenRouter' })).toBeVisible();
    await expect(page.getByText(/^Source: OpenRouter/)).toHaveCount(0);
    await expect(page.getByText(/^Data through .+ \(UTC\)\.$/)).toBeVisible();

    const out = page.getByRole('link', { name: /Full leaderboard on Tokenboard/ });
    await expect(out).toHaveAttribute('href', `${baseURL}/models`);
    await expect(out).toHaveAttribute('target', '_blank');
    await expect(out).toHaveAttribute('rel', 'noopener');

    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /\bnoindex\b/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/models`);
  });

  test('the default widget fits the suggested 400 × 360 frame, its attribution link included', async ({ page }) => {
    await page.setViewportSize({ width: 400, height: 360 });
    for (const path of ['/embed/models', '/embed/apps', '/embed/apps?sort=trending&window=week']) {
      await page.goto(path);
      const link = page.getByRole('link', { name: /on Tokenboard/ });
      const box = (await link.boundingBox())!;
      expect(box.y + box.height, path).toBeLessThanOrEqual(360);
      expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]), path).toEqual([400, 360]);
    }
  });

  test('/embed/apps with every parameter: the rows asked for, the view named, canonical to the full page', async ({ page, baseURL }) => {
    await page.goto('/embed/apps?sort=trending&window=week&top=5&theme=dark');
    const table = page.getByRole('table', { name: /^5 trending apps, last 7 days \(/ });
    await expect(table.getByRole('row')).toHaveCount(6);
    await expect(page.getByRole('note').filter({ hasText: 'Demo data — synthetic, not from OpenRouter' })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /\bnoindex\b/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/apps?sort=trending&window=week`);
    await expect(page.getByRole('link', { name: /All app rankings on Tokenboard/ })).toHaveAttribute('href', `${baseURL}/apps?sort=trending&window=week`);

    await page.goto('/embed/apps?top=50');
    await expect(page.getByRole('table', { name: /^Top 50 apps by tokens, last 30 days/ }).getByRole('row')).toHaveCount(51);
  });

  test('theme: light and dark pin the widget whatever the system says; auto follows the system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/embed/models?theme=dark');
    await expect(page.locator('main.embed')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
    await page.goto('/embed/models?theme=auto');
    expect(await background(page)).toBe(LIGHT_BG);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/embed/apps?theme=light');
    expect(await background(page)).toBe(LIGHT_BG);
    await page.goto('/embed/apps');
    expect(await background(page)).toBe(DARK_BG);
  });

  test('an invalid parameter is a 404, in the public URL and in the page it is rewritten to', async ({ request }) => {
    for (const url of [
      '/embed/models?window=nope',
      '/embed/models?window=',
      '/embed/models?top=0',
      '/embed/models?top=51',
      '/embed/models?top=07',
      '/embed/models?top=ten',
      '/embed/models?theme=blue',
      '/embed/apps?window=year',
      '/embed/apps?sort=new',
      '/embed/apps?top=100',
      '/embed/v/models/nope/10/auto',
      '/embed/v/models/month/0/auto',
      '/embed/v/apps/popular/month/10/sepia',
      '/embed/nothing',
    ]) {
      expect([url, (await request.get(url)).status()]).toEqual([url, 404]);
    }
  });
});

test.describe('framing', () => {
  let parent: Server;
  let parentOrigin: string;

  test.beforeAll(async ({ baseURL }) => {
    // Another site: a different origin (and host name) on this machine, which frames the widgets and a page.
    const html = `<!doctype html><html lang="en"><title>Another site</title><body>
      <iframe name="models" title="models" src="${baseURL}/embed/models?top=3" width="480" height="400"></iframe>
      <iframe name="apps" title="apps" src="${baseURL}/embed/apps?sort=trending&theme=dark" width="480" height="400"></iframe>
      <iframe name="page" title="page" src="${baseURL}/models" width="480" height="400"></iframe>
      <iframe name="signin" title="signin" src="${baseURL}/sign-in" width="480" height="400"></iframe>
    </body></html>`;
    parent = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve));
    parentOrigin = `http://localhost:${(parent.address() as AddressInfo).port}`;
    expect(new URL(parentOrigin).origin).not.toBe(new URL(baseURL!).origin);
  });

  test.afterAll(async () => {
    await new Promise((resolve) => parent.close(resolve));
  });

  test('the headers: /embed/* (public and rewritten) may be framed by anyone, every other page by no one', async ({ request }) => {
    for (const url of ['/embed/models', '/embed/apps?sort=trending', '/embed/v/models/month/10/auto']) {
      const headers = (await request.get(url)).headers();
      expect([url, /frame-ancestors ([^;]+)/.exec(headers['content-security-policy'] ?? '')?.[1]]).toEqual([url, '*']);
      expect([url, headers['x-frame-options']]).toEqual([url, undefined]);
    }
    for (const url of ['/', '/models', '/apps', '/sign-in', '/staff', '/og/models/window/month', '/embedded']) {
      const headers = (await request.get(url, { maxRedirects: 0 })).headers();
      expect([url, /frame-ancestors ([^;]+)/.exec(headers['content-security-policy'] ?? '')?.[1]]).toEqual([url, "'none'"]);
      expect([url, headers['x-frame-options']]).toEqual([url, 'DENY']);
    }
  });

  test('in Chromium, another site shows the widgets in its iframes, and the browser refuses to frame the pages', async ({ page }) => {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors 'none'/.test(message.text())) refusals.push(message.text());
    });
    // The parent's load event waits for every frame, refused ones included.
    await page.goto(parentOrigin, { waitUntil: 'load' });

    await expect(page.frameLocator('iframe[name="models"]').getByRole('table', { name: /^Top 3 AI models by tokens/ }).getByRole('row')).toHaveCount(4);
    await expect(page.frameLocator('iframe[name="apps"]').getByRole('table', { name: /^10 trending apps/ })).toBeVisible();
    await expect(page.frameLocator('iframe[name="apps"]').locator('main.embed')).toHaveAttribute('data-theme', 'dark');

    for (const name of ['page', 'signin']) {
      const frame = page.frame({ name });
      expect(frame, name).not.toBeNull();
      expect([name, frame!.url()]).toEqual([name, 'chrome-error://chromewebdata/']);
      await expect(page.frameLocator(`iframe[name="${name}"]`).locator('#main')).toHaveCount(0);
    }
    await expect.poll(() => refusals.length).toBe(2);
  });
});
