import { APP_CATEGORIES, SUBCATEGORY_NAMES, type AppSubcategory } from '../../lib/datasets/endpoints/app-rankings/values';
import type { RawAppRow } from '../../lib/datasets/endpoints/app-rankings';
import { DEMO_APPS, demoAppDayTokens, demoAppRankings } from '../../lib/datasets/endpoints/app-rankings/demo';
import type { RawModelDayRow } from '../../lib/datasets/endpoints/rankings-daily';
import { DEMO_MODELS, demoModelDayTokens, demoRankingsDaily } from '../../lib/datasets/endpoints/rankings-daily/demo';

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function datesBetween(startDate: string, endDate: string): string[] {
  const dates: string[] = [];
  for (let date = startDate; date <= endDate; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function groupByDate(rows: RawModelDayRow[]): Map<string, RawModelDayRow[]> {
  const groups = new Map<string, RawModelDayRow[]>();
  for (const row of rows) {
    const group = groups.get(row.date) ?? [];
    group.push(row);
    groups.set(row.date, group);
  }
  return groups;
}

function appWindowTotal(appId: number, startDate: string, endDate: string): bigint {
  let total = 0n;
  for (const date of datesBetween(startDate, endDate)) total += demoAppDayTokens(appId, date);
  return total;
}

/** Every ranked app reachable through the API's paging (at most 200). */
function allRanked(query: Omit<Parameters<typeof demoAppRankings>[0], 'limit' | 'offset'>): RawAppRow[] {
  return [
    ...demoAppRankings({ ...query, limit: 100, offset: 0 }),
    ...demoAppRankings({ ...query, limit: 100, offset: 100 }),
  ];
}

const DECIMAL = /^(0|[1-9]\d*)$/;
const appsById = new Map(DEMO_APPS.map((app) => [app.appId, app]));

describe('demo catalogue', () => {
  it('has unique model permaslugs, none of them the reserved `other`, with several :free variants', () => {
    const slugs = DEMO_MODELS.map((model) => model.permaslug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).not.toContain('other');
    expect(slugs.filter((slug) => slug.endsWith(':free')).length).toBeGreaterThanOrEqual(5);
    for (const model of DEMO_MODELS) {
      expect(model.permaslug).toMatch(/^[a-z0-9.-]+\/[a-z0-9.-]+(:[a-z]+)?$/);
      expect(model.launched).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has ~250 apps with unique ids and names, at least 5 per subcategory', () => {
    expect(DEMO_APPS.length).toBeGreaterThanOrEqual(240);
    expect(new Set(DEMO_APPS.map((app) => app.appId)).size).toBe(DEMO_APPS.length);
    expect(new Set(DEMO_APPS.map((app) => app.name)).size).toBe(DEMO_APPS.length);
    for (const subcategory of SUBCATEGORY_NAMES) {
      expect(DEMO_APPS.filter((app) => app.subcategory === subcategory).length).toBeGreaterThanOrEqual(5);
    }
    for (const app of DEMO_APPS) expect(Number.isInteger(app.appId)).toBe(true);
  });

  it('includes names that stress CSV and encoding: a comma, a double quote, non-ASCII', () => {
    const names = DEMO_APPS.map((app) => app.name);
    expect(names.some((name) => name.includes(','))).toBe(true);
    expect(names.some((name) => name.includes('"'))).toBe(true);
    expect(names).toContain('Café Writer ✍️');
  });

  it('gives apps no tokens before launch or before 2025-01-01', () => {
    const lateApp = DEMO_APPS.find((app) => app.launched > '2025-06-01');
    expect(lateApp).toBeDefined();
    if (!lateApp) return;
    expect(demoAppDayTokens(lateApp.appId, addDays(lateApp.launched, -1))).toBe(0n);
    expect(demoAppDayTokens(lateApp.appId, addDays(lateApp.launched, 30))).toBeGreaterThan(0n);
    for (const app of DEMO_APPS) expect(demoAppDayTokens(app.appId, '2024-12-31')).toBe(0n);
  });
});

describe('demoRankingsDaily', () => {
  it('is deterministic and a day does not depend on the window it was requested in', () => {
    const first = demoRankingsDaily('2025-06-01', '2025-06-30');
    expect(demoRankingsDaily('2025-06-01', '2025-06-30')).toEqual(first);
    const alone = demoRankingsDaily('2025-06-15', '2025-06-15');
    expect(alone.length).toBeGreaterThan(0);
    expect(first.filter((row) => row.date === '2025-06-15')).toEqual(alone);
    const year = demoRankingsDaily('2025-01-01', '2025-12-31');
    expect(year.filter((row) => row.date === '2025-06-15')).toEqual(alone);
  });

  it('returns every date in order with ≤ 50 models sorted desc (ties alphabetical) and `other` last', () => {
    for (const [start, end] of [
      ['2025-01-01', '2025-01-10'],
      ['2025-09-20', '2025-10-05'],
      ['2026-11-01', '2026-11-10'],
    ] as const) {
      const groups = groupByDate(demoRankingsDaily(start, end));
      expect([...groups.keys()]).toEqual(datesBetween(start, end));
      for (const [date, rows] of groups) {
        const models = rows.slice(0, -1);
        const other = rows.at(-1);
        expect(other?.model_permaslug).toBe('other');
        expect(models.length).toBeLessThanOrEqual(50);
        expect(models.length).toBeGreaterThan(0);
        expect(models.some((row) => row.model_permaslug === 'other')).toBe(false);
        expect(rows.filter((row) => !DECIMAL.test(row.total_tokens))).toEqual([]);
        const outOfOrder = models.filter((b, i) => {
          const a = models[i - 1];
          if (!a) return false;
          const ta = BigInt(a.total_tokens);
          const tb = BigInt(b.total_tokens);
          return !(ta > tb || (ta === tb && a.model_permaslug < b.model_permaslug));
        });
        expect(outOfOrder).toEqual([]);
        expect(
          models.filter((row) => BigInt(row.total_tokens) !== demoModelDayTokens(row.model_permaslug, date)),
        ).toEqual([]);

        const listed = new Set(models.map((row) => row.model_permaslug));
        const smallest = BigInt(models.at(-1)!.total_tokens);
        const unlisted = DEMO_MODELS.filter((model) => !listed.has(model.permaslug)).map((model) =>
          demoModelDayTokens(model.permaslug, date),
        );
        expect(unlisted.filter((tokens) => tokens > smallest)).toEqual([]);
        const outside = unlisted.reduce((sum, tokens) => sum + tokens, 0n);
        const otherTokens = BigInt(other!.total_tokens);
        expect(otherTokens).toBeGreaterThan(outside);
        const total = rows.reduce((sum, row) => sum + BigInt(row.total_tokens), 0n);
        const otherShare = Number((otherTokens * 10_000n) / total) / 10_000;
        expect(otherShare).toBeGreaterThan(0.02);
        expect(otherShare).toBeLessThan(0.2);
      }
    }
  });

  it('has realistic magnitudes, :free variants, and a top 50 that changes over time', () => {
    const early = groupByDate(demoRankingsDaily('2025-01-15', '2025-01-15')).get('2025-01-15') ?? [];
    const late = groupByDate(demoRankingsDaily('2026-10-15', '2026-10-15')).get('2026-10-15') ?? [];
    for (const rows of [early, late]) {
      const top = BigInt(rows[0]?.total_tokens ?? '0');
      const total = rows.reduce((sum, row) => sum + BigInt(row.total_tokens), 0n);
      expect(top).toBeGreaterThanOrEqual(100_000_000_000n);
      expect(top).toBeLessThanOrEqual(600_000_000_000n);
      expect(total).toBeGreaterThanOrEqual(1_000_000_000_000n);
      expect(total).toBeLessThanOrEqual(5_000_000_000_000n);
    }
    const earlySlugs = new Set(early.map((row) => row.model_permaslug));
    expect(late.filter((row) => !earlySlugs.has(row.model_permaslug)).length).toBeGreaterThan(10);

    const autumn = demoRankingsDaily('2025-09-01', '2025-09-30');
    expect(autumn.some((row) => row.model_permaslug.endsWith(':free'))).toBe(true);
  });

  it('makes weekends quieter than weekdays', () => {
    const dayTotal = (date: string) =>
      demoRankingsDaily(date, date).reduce((sum, row) => sum + BigInt(row.total_tokens), 0n);
    // 2025-10-11/12 is a weekend, 2025-10-14/15 mid-week.
    expect(dayTotal('2025-10-11') + dayTotal('2025-10-12')).toBeLessThan(dayTotal('2025-10-14') + dayTotal('2025-10-15'));
  });
});

describe('demoAppRankings', () => {
  const window = { startDate: '2025-09-01', endDate: '2025-09-30' };

  it('is deterministic', () => {
    const query = { sort: 'trending' as const, ...window, limit: 100, offset: 0 };
    expect(demoAppRankings(query)).toEqual(demoAppRankings(query));
  });

  it('ranks popular apps by window total (ties by app_id) with ranks 1..N and exact totals', () => {
    const rows = allRanked({ sort: 'popular', ...window });
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      const ta = BigInt(a.total_tokens);
      const tb = BigInt(b.total_tokens);
      expect(ta > tb || (ta === tb && a.app_id < b.app_id)).toBe(true);
    }
    for (const row of rows.slice(0, 20)) {
      expect(row.total_tokens).toMatch(DECIMAL);
      expect(BigInt(row.total_tokens)).toBe(appWindowTotal(row.app_id, window.startDate, window.endDate));
      expect(row.app_name).toBe(appsById.get(row.app_id)?.name);
      expect(Number.isInteger(row.total_requests)).toBe(true);
      expect(row.total_requests).toBeGreaterThan(0);
      expect(BigInt(row.total_requests)).toBeLessThan(BigInt(row.total_tokens));
    }
  });

  it('keeps ranks absolute under offset', () => {
    const page = demoAppRankings({ sort: 'popular', ...window, limit: 10, offset: 50 });
    expect(page[0]?.rank).toBe(51);
    expect(page).toEqual(demoAppRankings({ sort: 'popular', ...window, limit: 100, offset: 0 }).slice(50, 60));
  });

  it('filters by category and renumbers from 1', () => {
    const rows = allRanked({ sort: 'popular', ...window, category: 'entertainment' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
    const allowed: readonly AppSubcategory[] = APP_CATEGORIES.entertainment;
    for (const row of rows) expect(allowed).toContain(appsById.get(row.app_id)?.subcategory);
  });

  it('filters by subcategory, which takes precedence over category', () => {
    const rows = allRanked({ sort: 'popular', ...window, subcategory: 'legal' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.rank).toBe(1);
    for (const row of rows) expect(appsById.get(row.app_id)?.subcategory).toBe('legal');
    expect(allRanked({ sort: 'popular', ...window, category: 'productivity', subcategory: 'legal' })).toEqual(rows);
    const trending = allRanked({ sort: 'trending', ...window, subcategory: 'cli-agent' });
    expect(trending.map((row) => row.rank)).toEqual(trending.map((_, i) => i + 1));
    for (const row of trending) expect(appsById.get(row.app_id)?.subcategory).toBe('cli-agent');
  });

  function expectedTrending(startDate: string, endDate: string) {
    const length = datesBetween(startDate, endDate).length;
    return DEMO_APPS.map((app) => {
      const total = appWindowTotal(app.appId, startDate, endDate);
      const preceding = [1, 2, 3].map((k) =>
        appWindowTotal(app.appId, addDays(startDate, -k * length), addDays(endDate, -k * length)),
      );
      const threeTimesExcess = 3n * total - preceding.reduce((sum, value) => sum + value, 0n);
      return { appId: app.appId, total, threeTimesExcess };
    })
      .filter((entry) => entry.threeTimesExcess > 0n)
      .sort((a, b) =>
        a.threeTimesExcess > b.threeTimesExcess ? -1 : a.threeTimesExcess < b.threeTimesExcess ? 1 : a.appId - b.appId,
      );
  }

  it('ranks trending apps by excess over the mean of the 3 preceding periods, omitting the rest', () => {
    const rows = allRanked({ sort: 'trending', ...window });
    const expected = expectedTrending(window.startDate, window.endDate);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(allRanked({ sort: 'popular', ...window }).length);
    expect(rows.map((row) => row.app_id)).toEqual(expected.slice(0, 200).map((entry) => entry.appId));
    expect(rows.map((row) => row.total_tokens)).toEqual(expected.slice(0, 200).map((entry) => entry.total.toString()));
    expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
  });

  it('counts days before 2025-01-01 as zero in the preceding periods of an early window', () => {
    const early = { startDate: '2025-01-11', endDate: '2025-01-20' };
    const rows = allRanked({ sort: 'trending', ...early });
    const expected = expectedTrending(early.startDate, early.endDate);
    expect(rows.map((row) => row.app_id)).toEqual(expected.slice(0, 200).map((entry) => entry.appId));
    // Two of the three preceding periods are entirely in 2024, so every app live since before 2025 trends.
    const liveAllJanuary = DEMO_APPS.filter((app) => app.launched < '2025-01-01');
    expect(liveAllJanuary.length).toBeGreaterThan(0);
    const listed = new Set(rows.map((row) => row.app_id));
    for (const app of liveAllJanuary.slice(0, 10)) {
      if (demoAppDayTokens(app.appId, '2025-01-15') > 0n) expect(listed.has(app.appId)).toBe(true);
    }
  });
});
