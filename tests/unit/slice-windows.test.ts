import { resolveRankingsDailyQuery } from '@/lib/datasets/endpoints/rankings-daily';
import { demoRankingsDailySlice } from '@/lib/datasets/endpoints/rankings-daily/demo';
import { sliceOf, SLICES, type Slice } from '@/lib/boards/slices/slices';
import {
  FIRST_WEEK_START,
  isoWeekStart,
  lastCompletedWeekEnd,
  sliceRequests,
  sliceWindow,
  WEEK_ZERO,
  windowNamesOf,
  windowRequests,
  windowsOf,
  type SliceWindow,
} from '@/lib/boards/slices/windows';
import { addDays, daysInclusive, MAX_WINDOW_DAYS } from '@/lib/utc-day';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday, 1 = Monday
const slice = (family: string, slug: string): Slice => sliceOf(family, slug)!;
const programming = slice('use-case', 'programming');
const natural = slice('language', 'natural');
const oneK = slice('context', '1k');
const toolCalling = slice('modality', 'tool-calling');
const span = (w: SliceWindow | null) => w && { range: `${w.range.start}..${w.range.end}`, previous: `${w.previousRange.start}..${w.previousRange.end}`, comparable: w.comparable };

function everyDay(from: string, to: string): string[] {
  return Array.from({ length: daysInclusive(from, to) }, (_, i) => addDays(from, i));
}

describe('ISO weeks', () => {
  it('start on the Monday on or before any day, across year and leap-day edges', () => {
    expect(isoWeekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(isoWeekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(isoWeekStart('2025-01-01')).toBe('2024-12-30');
    expect(isoWeekStart('2026-01-01')).toBe('2025-12-29');
    expect(isoWeekStart('2028-03-01')).toBe('2028-02-28');
    expect(isoWeekStart('1970-01-01')).toBe('1969-12-29');
    for (const day of everyDay('2024-12-20', '2029-01-10')) {
      const monday = isoWeekStart(day);
      expect(weekday(monday)).toBe(1);
      expect(daysInclusive(monday, day)).toBeGreaterThanOrEqual(1);
      expect(daysInclusive(monday, day)).toBeLessThanOrEqual(7);
    }
  });

  it('end, for a data day, on the last Sunday on or before it', () => {
    expect(lastCompletedWeekEnd('2026-11-22')).toBe('2026-11-22'); // Sunday: the week just completed
    expect(lastCompletedWeekEnd('2026-11-23')).toBe('2026-11-22'); // Monday: the new week has one day
    expect(lastCompletedWeekEnd('2026-11-28')).toBe('2026-11-22'); // Saturday
    expect(lastCompletedWeekEnd('2026-01-01')).toBe('2025-12-28');
    for (const day of everyDay('2025-01-01', '2027-01-10')) {
      const sunday = lastCompletedWeekEnd(day);
      expect(weekday(sunday)).toBe(0);
      expect(daysInclusive(sunday, day)).toBeGreaterThanOrEqual(1);
      expect(daysInclusive(sunday, day)).toBeLessThanOrEqual(7);
    }
  });

  it('of data start with the first whole week (2025-01-01 is a Wednesday)', () => {
    expect(FIRST_WEEK_START).toBe('2025-01-06');
    expect(WEEK_ZERO).toBe('2024-12-30');
  });
});

describe('slice windows', () => {
  it('offer weeks to every slice and days only to exact ones', () => {
    expect(windowNamesOf(programming)).toEqual(['week', '4-weeks']);
    expect(windowNamesOf(natural)).toEqual(['week', '4-weeks']);
    expect(windowNamesOf(oneK)).toEqual(['day', 'week', '4-weeks', '30-days']);
    expect(sliceWindow(programming, 'day', '2026-11-24')).toBeNull();
    expect(sliceWindow(programming, '30-days', '2026-11-24')).toBeNull();
    expect(windowsOf(programming, '2026-11-24').map((w) => w.name)).toEqual(['week', '4-weeks']);
    expect(windowsOf(toolCalling, '2026-11-24').map((w) => w.name)).toEqual(['day', 'week', '4-weeks', '30-days']);
  });

  it('show the week that ended on a Sunday data day, and keep it on the Monday after', () => {
    const sunday = { range: '2026-11-16..2026-11-22', previous: '2026-11-09..2026-11-15', comparable: true };
    expect(span(sliceWindow(programming, 'week', '2026-11-22'))).toEqual(sunday);
    expect(span(sliceWindow(programming, 'week', '2026-11-23'))).toEqual(sunday);
    expect(span(sliceWindow(programming, 'week', '2026-11-28'))).toEqual(sunday);
    expect(span(sliceWindow(programming, 'week', '2026-11-29'))).toEqual({ range: '2026-11-23..2026-11-29', previous: '2026-11-16..2026-11-22', comparable: true });
    expect(span(sliceWindow(oneK, '4-weeks', '2026-11-23'))).toEqual({ range: '2026-10-26..2026-11-22', previous: '2026-09-28..2026-10-25', comparable: true });
  });

  it('cross the year edge in whole weeks', () => {
    expect(span(sliceWindow(natural, 'week', '2026-01-04'))).toEqual({ range: '2025-12-29..2026-01-04', previous: '2025-12-22..2025-12-28', comparable: true });
    expect(span(sliceWindow(natural, 'week', '2026-01-01'))).toEqual({ range: '2025-12-22..2025-12-28', previous: '2025-12-15..2025-12-21', comparable: true });
  });

  it('have whole weeks of 7 days, each a Monday to a Sunday, on every data day', () => {
    // From 2025-03-02 on, four whole weeks of data precede the last four.
    for (const day of everyDay('2025-03-02', '2027-03-01')) {
      for (const [name, weeks] of [['week', 1], ['4-weeks', 4]] as const) {
        const w = sliceWindow(programming, name, day)!;
        expect([weekday(w.range.start), weekday(w.range.end), weekday(w.previousRange.start), weekday(w.previousRange.end)]).toEqual([1, 0, 1, 0]);
        expect([w.range.days, w.previousRange.days]).toEqual([7 * weeks, 7 * weeks]);
        expect(addDays(w.previousRange.end, 1)).toBe(w.range.start);
        expect(w.range.end <= day && addDays(w.range.end, 7) > day).toBe(true);
      }
    }
  });

  it('start with the data: no week before the first whole one, no comparison with a period outside the data', () => {
    // 2025-01-01..2025-01-11 hold no completed week of data (the week of Dec 30 is partial).
    expect(sliceWindow(programming, 'week', '2025-01-11')).toBeNull();
    expect(sliceWindow(programming, '4-weeks', '2025-01-11')).toBeNull();
    expect(windowsOf(programming, '2025-01-11')).toEqual([]);
    expect(windowsOf(oneK, '2025-01-11').map((w) => w.name)).toEqual(['day', '30-days']);
    expect(windowsOf(oneK, '2024-12-31')).toEqual([]);

    const first = sliceWindow(programming, 'week', '2025-01-12')!;
    expect(first.range).toEqual({ start: '2025-01-06', end: '2025-01-12', days: 7, clamped: false });
    expect(first.previousRange).toMatchObject({ clamped: true, days: 0 });
    expect(first.comparable).toBe(false);
    expect(span(sliceWindow(programming, 'week', '2025-01-19'))).toEqual({ range: '2025-01-13..2025-01-19', previous: '2025-01-06..2025-01-12', comparable: true });

    // Four weeks: cut to the whole weeks of data until there are four, compared once eight are in.
    expect(sliceWindow(programming, '4-weeks', '2025-01-19')!.range).toEqual({ start: '2025-01-06', end: '2025-01-19', days: 14, clamped: true });
    expect(sliceWindow(programming, '4-weeks', '2025-02-02')).toMatchObject({ range: { start: '2025-01-06', days: 28, clamped: false }, comparable: false });
    expect(sliceWindow(programming, '4-weeks', '2025-02-23')!.comparable).toBe(false);
    expect(span(sliceWindow(programming, '4-weeks', '2025-03-02'))).toEqual({ range: '2025-02-03..2025-03-02', previous: '2025-01-06..2025-02-02', comparable: true });
  });

  it('give exact slices the data day and 30 days, compared once the previous period is all data', () => {
    expect(sliceWindow(oneK, 'day', '2025-01-01')).toMatchObject({ range: { start: '2025-01-01', end: '2025-01-01' }, comparable: false });
    expect(span(sliceWindow(oneK, 'day', '2025-01-02'))).toEqual({ range: '2025-01-02..2025-01-02', previous: '2025-01-01..2025-01-01', comparable: true });
    expect(sliceWindow(oneK, '30-days', '2025-01-20')!.range).toEqual({ start: '2025-01-01', end: '2025-01-20', days: 20, clamped: true });
    // 59 days after 2025-01-01 the 30 days before the last 30 all lie inside the data.
    expect(sliceWindow(oneK, '30-days', '2025-02-28')!.comparable).toBe(false);
    expect(span(sliceWindow(oneK, '30-days', '2025-03-01'))).toEqual({ range: '2025-01-31..2025-03-01', previous: '2025-01-01..2025-01-30', comparable: true });
    expect(span(sliceWindow(oneK, '30-days', '2026-11-24'))).toEqual({ range: '2026-10-26..2026-11-24', previous: '2026-09-26..2026-10-25', comparable: true });
  });
});

describe('slice requests', () => {
  const at = (r: { query: { startDate: string; endDate: string }; freshness: string }) => `${r.query.startDate}..${r.query.endDate} ${r.freshness}`;

  it('read an exact slice in 26-week blocks, the open one per data day', () => {
    expect(sliceRequests(oneK, '2026-11-24').map(at)).toEqual([
      '2025-01-01..2025-06-29 final',
      '2025-06-30..2025-12-28 final',
      '2025-12-29..2026-06-28 final',
      '2026-06-29..2026-11-24 data-day',
    ]);
    expect(sliceRequests(oneK, '2026-11-24')[0]!.query).toEqual({ startDate: '2025-01-01', endDate: '2025-06-29', contextBucket: '1K' });
    // On the block's last day its request is the one it stays cached under.
    expect(sliceRequests(oneK, '2026-06-28').map(at).slice(-1)).toEqual(['2025-12-29..2026-06-28 final']);
    expect(sliceRequests(oneK, '2026-06-29').map(at).slice(-2)).toEqual(['2025-12-29..2026-06-28 final', '2026-06-29..2026-06-29 data-day']);
    expect(sliceRequests(oneK, '2025-01-01').map(at)).toEqual(['2025-01-01..2025-01-01 data-day']);
    expect(sliceRequests(oneK, '2024-12-31')).toEqual([]);
  });

  it('read a sampled slice in 52-week blocks of completed weeks only, all final', () => {
    expect(sliceRequests(programming, '2026-11-24').map(at)).toEqual(['2025-01-06..2025-12-28 final', '2025-12-29..2026-11-22 final']);
    expect(sliceRequests(programming, '2026-11-24')[1]!.query).toEqual({ startDate: '2025-12-29', endDate: '2026-11-22', period: 'week', category: 'programming' });
    expect(sliceRequests(slice('use-case', 'marketing-seo'), '2026-11-24')[0]!.query).toMatchObject({ category: 'marketing/seo' });
    // The same request from Sunday to Saturday: it changes only when a week completes.
    expect(sliceRequests(programming, '2026-11-28')).toEqual(sliceRequests(programming, '2026-11-22'));
    expect(sliceRequests(programming, '2026-11-29').map(at).at(-1)).toBe('2025-12-29..2026-11-29 final');
    expect(sliceRequests(programming, '2025-01-11')).toEqual([]);
    expect(sliceRequests(programming, '2025-01-12').map(at)).toEqual(['2025-01-06..2025-01-12 final']);
  });

  it('are requests the upstream accepts, cover the data once, and never hold a partial week of a sampled slice', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const dataDay of everyDay('2025-01-01', '2028-12-31')) {
      const now = new Date(`${addDays(dataDay, 1)}T06:00:00Z`);
      for (const s of [programming, oneK]) {
        const requests = sliceRequests(s, dataDay);
        const tomorrow = new Set(sliceRequests(s, addDays(dataDay, 1)).map((r) => JSON.stringify(r.query)));
        requests.forEach((r, i) => {
          const at = `${s.id} ${dataDay} ${r.query.startDate}..${r.query.endDate}`;
          const resolved = resolveRankingsDailyQuery(r.query, dataDay, now);
          check(resolved.startDate === r.query.startDate && resolved.endDate === r.query.endDate, `${at}: resolved to another window`);
          check(resolved.period === (s.sampled ? 'week' : undefined), `${at}: period ${resolved.period}`);
          check(daysInclusive(r.query.startDate, r.query.endDate) <= MAX_WINDOW_DAYS, `${at}: too long`);
          const next = requests[i + 1];
          if (next) check(addDays(r.query.endDate, 1) === next.query.startDate, `${at}: gap or overlap`);
          if (s.sampled) {
            // Whole weeks, every one of them over by the data day: final as fetched.
            check(weekday(r.query.startDate) === 1 && weekday(r.query.endDate) === 0 && r.query.endDate <= dataDay, `${at}: not whole completed weeks`);
            check(r.freshness === 'final', `${at}: ${r.freshness}`);
          } else {
            // Final exactly when tomorrow's plan asks for the very same request (it can no longer change).
            check((r.freshness === 'final') === tomorrow.has(JSON.stringify(r.query)), `${at}: ${r.freshness}`);
          }
        });
        const [first, last] = [requests[0]?.query.startDate, requests.at(-1)?.query.endDate];
        if (!s.sampled) check(first === '2025-01-01' && last === dataDay, `${s.id} ${dataDay}: covers ${first}..${last}`);
        else if (dataDay >= '2025-01-12') check(first === '2025-01-06' && last === lastCompletedWeekEnd(dataDay), `${s.id} ${dataDay}: covers ${first}..${last}`);
        else check(requests.length === 0, `${s.id} ${dataDay}: a request before the first whole week`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a sampled request of the plan holds only weeks complete on the data day, where a request ending mid-week would not (upstream rule, by the demo source)', () => {
    const dataDay = '2026-11-25'; // a Wednesday
    const weeksOf = (query: object) =>
      [...new Set(demoRankingsDailySlice(resolveRankingsDailyQuery(query, dataDay, new Date('2026-11-26T06:00:00Z')), dataDay).map((row) => row.date))];
    const planned = sliceRequests(programming, dataDay).at(-1)!;
    const weeks = weeksOf(planned.query);
    expect(weeks.at(-1)).toBe('2026-11-16');
    expect(weeks.every((monday) => addDays(monday, 6) <= dataDay)).toBe(true);
    // The same request ending on the data day gets the week of Nov 23, of which only Mon–Wed have happened.
    expect(weeksOf({ ...planned.query, endDate: dataDay }).at(-1)).toBe('2026-11-23');
  });

  it('a window needs only the plan`s requests that hold it and its previous period', () => {
    for (const dataDay of ['2025-01-12', '2025-03-02', '2025-06-30', '2025-07-06', '2026-01-01', '2026-06-29', '2026-11-24']) {
      for (const s of SLICES) {
        const plan = sliceRequests(s, dataDay);
        for (const window of windowsOf(s, dataDay)) {
          const needed = windowRequests(s, window, dataDay);
          expect(needed.every((r) => plan.includes(r) || plan.some((p) => JSON.stringify(p) === JSON.stringify(r)))).toBe(true);
          // Together they span the window (and the previous period when compared), with no request too many.
          const from = window.comparable ? window.previousRange.start : window.range.start;
          expect(needed[0]!.query.startDate <= from).toBe(true);
          expect(needed.at(-1)!.query.endDate >= window.range.end).toBe(true);
          expect(needed.slice(1).every((r) => r.query.startDate <= window.range.end)).toBe(true);
          expect(needed.slice(0, -1).every((r) => r.query.endDate >= from)).toBe(true);
        }
      }
    }
    // The hub's week of an exact slice, two days into a block, still reads the block before.
    expect(windowRequests(oneK, sliceWindow(oneK, 'week', '2026-06-30')!, '2026-06-30').map(at)).toEqual(['2025-12-29..2026-06-28 final']);
    expect(windowRequests(oneK, sliceWindow(oneK, 'day', '2026-06-30')!, '2026-06-30').map(at)).toEqual(['2026-06-29..2026-06-30 data-day']);
  });
});
