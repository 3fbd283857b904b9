import type { Page } from '@playwright/test';

/**
 * Charts load when they come near the viewport (components/charts/lazy.tsx): scroll each chart figure
 * into view in turn, as a reader would, and wait until each has its canvas.
 */
export async function scrollThroughCharts(page: Page): Promise<void> {
  const figures = page.locator('figure.chart-figure');
  const count = await figures.count();
  for (let i = 0; i < count; i += 1) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    if ((await figure.locator('.chart-empty').count()) === 0) await figure.locator('canvas').waitFor();
  }
}
