import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { isRoutedPath, NOT_FOUND_PATH } from '../../../lib/routed-paths';

// middleware.ts answers every address outside lib/routed-paths.ts with the 404 page: a route added under a
// new first segment and not listed there would be unreachable. The build's route manifest says which
// first segments exist.
test('every route of the build is under a first segment middleware lets through', () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../.next/server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  const publicPaths = Object.keys(manifest)
    .map((route) => route.replace(/\/\([^/]+\)/g, '').replace(/\/(?:page|route)$/, '') || '/')
    // Next's own boundaries, and the 404 page, which only middleware's rewrites reach.
    .filter((route) => !/^\/_(?:not-found|global-error)$/.test(route) && route !== NOT_FOUND_PATH);
  expect(publicPaths.length).toBeGreaterThan(20);
  expect(publicPaths.filter((route) => !isRoutedPath(route))).toEqual([]);
});

test('an address that names nothing is the 404 page with the site around it, with status 404', async ({ request }) => {
  for (const address of ['/nothing', '/.well-known/nothing', '/models/window/nope', '/models?window=fortnight', '/page-not-found']) {
    const response = await request.get(address);
    expect(response.status(), address).toBe(404);
    const html = await response.text();
    expect(html, address).toContain('Page not found');
    expect(html.match(/class="site-header"/g), address).toHaveLength(1);
    expect(html, address).toContain('<meta name="robots" content="noindex');
  }
});
