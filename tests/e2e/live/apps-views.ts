import type { APIRequestContext } from '@playwright/test';

// The fake upstream's request log and the cost model of an /apps view, for the budget and flood specs.
const fakeOrigin = process.env.FAKE_ORIGIN ?? '';

export interface FakeRequest {
  endpoint: string;
  query: Record<string, string>;
  status: number;
}

export async function fakeRequests(): Promise<FakeRequest[]> {
  return ((await (await fetch(`${fakeOrigin}/__control/stats`)).json()) as { requests: FakeRequest[] }).requests;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export const WINDOW_DAYS = { day: 1, week: 7, month: 30 } as const;
export type Window = keyof typeof WINDOW_DAYS;
export interface View {
  sort: 'popular' | 'trending';
  window: Window;
  category?: string;
  subcategory?: string;
}

/** Upstream pages a view needs for a window: offset 0, plus offset 100 when the first page is full. */
async function upstreamPages(view: View, start: string, end: string): Promise<number> {
  const filter: Record<string, string> = view.subcategory ? { subcategory: view.subcategory } : view.category ? { category: view.category } : {};
  const query = new URLSearchParams({ sort: view.sort, ...filter, start_date: start, end_date: end, limit: '100', offset: '0' });
  const body = await (await fetch(`${fakeOrigin}/__control/peek/datasets/app-rankings?${query}`)).json();
  return body.data.length === 100 ? 2 : 1;
}

export async function expectedCalls(view: View, dataDay: string): Promise<number> {
  const days = WINDOW_DAYS[view.window];
  const start = addDays(dataDay, -(days - 1));
  const current = await upstreamPages(view, start, dataDay);
  if (view.category) return current;
  return current + (await upstreamPages(view, addDays(start, -days), addDays(start, -1)));
}

export function apiUrl(view: View, page: number, pageSize: number): string {
  const params = new URLSearchParams({ sort: view.sort, window: view.window, page: String(page), pageSize: String(pageSize) });
  if (view.category) params.set('category', view.category);
  if (view.subcategory) params.set('subcategory', view.subcategory);
  return `/api/apps?${params}`;
}

/** Waits until the governor's minute window has room for a whole view, so no request is refused. */
export async function waitForMinuteBudget(request: APIRequestContext, needed: number): Promise<void> {
  for (;;) {
    const health = await (await request.get('/api/health')).json();
    // apps traffic may use the minute limit minus core's reserved third
    if (health.budget.usedThisMinute + needed <= health.budget.limitPerMinute - Math.floor(health.budget.limitPerMinute / 3)) return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
