import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { scrollThroughCharts } from '../support/charts';

// axe-core, the engine behind Lighthouse's accessibility audit, run in both colour schemes (Lighthouse
// only ever sees the light one) on the pages people land on, with the charts drawn and every figures
// table open, so nothing is left unchecked because it was folded away.
const AXE = path.join(__dirname, '../../../node_modules/axe-core/axe.min.js');
const PAGES = ['/', '/models', '/models?window=day', '/apps', '/apps/coding', '/no-such-page'];

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

async function openEverything(page: Page): Promise<void> {
  await scrollThroughCharts(page);
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  // A chart's figures table is drawn when its fold opens: wait for every one.
  const folds = page.locator('details.chart-data');
  await expect(folds.locator('table')).toHaveCount(await folds.count());
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });

    for (const url of PAGES) {
      test(`${url}: no axe violation (contrast included), one h1, a main landmark`, async ({ page }) => {
        await page.goto(url);
        await openEverything(page);
        expect(await axeViolations(page)).toEqual([]);
        await expect(page.locator('h1')).toHaveCount(1);
        await expect(page.getByRole('main')).toHaveCount(1);
      });
    }
  });
}

test('a model page passes axe in both schemes', async ({ page }) => {
  await page.goto('/models');
  const href = await page.getByRole('table', { name: /^Models by tokens/ }).getByRole('rowheader').first().getByRole('link').getAttribute('href');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(href!);
    await openEverything(page);
    expect(await axeViolations(page)).toEqual([]);
  }
});

test('the dark-mode toggle overrides the system, persists across pages and reloads, and hands back to the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toBeEnabled();
  const light = await background();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await background();
  expect(dark).not.toBe(light);

  // Another page and a reload: dark before any script of the page runs (no flash), and the button agrees.
  await page.goto('/models');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => localStorage.getItem('tokenboard-theme'))).toBe('dark');

  // Keyboard: focus is visible, Space switches back; the choice equals the system's, so it is forgotten.
  const button = page.getByRole('button', { name: 'Dark mode' });
  await button.focus();
  expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expect(await page.evaluate(() => localStorage.getItem('tokenboard-theme'))).toBeNull();
  expect(await background()).toBe(light);

  // With a dark system and no choice, the site is dark and the button says so.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).toBe(dark);
});

test('tables have captions and scoped header cells on every data page', async ({ page }) => {
  for (const url of ['/', '/models', '/apps']) {
    await page.goto(url);
    const tables = page.locator('main table');
    const count = await tables.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) {
      const table = tables.nth(i);
      await expect(table.locator('caption')).toHaveCount(1);
      expect(await table.locator('th:not([scope])').count()).toBe(0);
    }
  }
});
