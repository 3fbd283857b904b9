import { planHistoryChunks } from '@/lib/boards/models/fetch-plan';
import { daysInclusive } from '@/lib/utc-day';

describe('planHistoryChunks', () => {
  it('covers every day from 2025-01-01 to the data day exactly once, in windows of at most 366 days', () => {
    for (const dataDay of ['2025-01-01', '2025-03-15', '2025-12-31', '2026-01-01', '2026-11-24', '2028-02-29', '2028-12-31']) {
      const chunks = planHistoryChunks(dataDay);
      expect(chunks[0]?.start).toBe('2025-01-01');
      expect(chunks.at(-1)?.end).toBe(dataDay);
      chunks.forEach((chunk, i) => {
        expect(daysInclusive(chunk.start, chunk.end)).toBeGreaterThan(0);
        expect(daysInclusive(chunk.start, chunk.end)).toBeLessThanOrEqual(366);
        const next = chunks[i + 1];
        if (next) expect(daysInclusive(chunk.end, next.start)).toBe(2);
      });
    }
  });

  it('leaves exactly the current and previous month restatable', () => {
    expect(planHistoryChunks('2026-11-24').filter((c) => !c.final)).toEqual([
      { start: '2026-10-01', end: '2026-10-31', final: false },
      { start: '2026-11-01', end: '2026-11-24', final: false },
    ]);
    // In January the previous month is inside last year's chunk.
    expect(planHistoryChunks('2026-01-05').filter((c) => !c.final)).toEqual([
      { start: '2025-01-01', end: '2025-12-31', final: false },
      { start: '2026-01-01', end: '2026-01-05', final: false },
    ]);
    expect(planHistoryChunks('2026-02-01').filter((c) => !c.final)).toEqual([
      { start: '2026-01-01', end: '2026-01-31', final: false },
      { start: '2026-02-01', end: '2026-02-01', final: false },
    ]);
  });

  it('uses one chunk per completed year and one per month this year', () => {
    const chunks = planHistoryChunks('2027-03-10');
    expect(chunks.map((c) => `${c.start}..${c.end}`)).toEqual([
      '2025-01-01..2025-12-31',
      '2026-01-01..2026-12-31',
      '2027-01-01..2027-01-31',
      '2027-02-01..2027-02-28',
      '2027-03-01..2027-03-10',
    ]);
    expect(planHistoryChunks('2024-12-31')).toEqual([]);
  });
});
