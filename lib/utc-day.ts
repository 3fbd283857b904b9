/**
 * UTC calendar arithmetic for the data day: which completed UTC day the site publishes, the ranking
 * windows ending on it, and when the next one arrives. Dates are `YYYY-MM-DD` strings; all math runs on
 * epoch days so local time zones and DST never enter.
 */

export const DATASET_START = '2025-01-01';
export const MS_PER_DAY = 86_400_000;
export const MAX_WINDOW_DAYS = 366;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written exactly as `YYYY-MM-DD` (so `2026-02-30` and `2025-1-5` are false). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function toEpochDay(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Number of days in the inclusive range [start, end]; 0 or less when start is after end. */
export function daysInclusive(start: string, end: string): number {
  return toEpochDay(end) - toEpochDay(start) + 1;
}

export function utcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The most recent UTC day that has fully ended: the upstream rejects any later `end_date`. */
export function lastCompletedUtcDay(now: Date): string {
  return addDays(utcDateOf(now), -1);
}

/**
 * The day whose figures the site publishes. For `settleMinutes` after midnight the upstream view is
 * still ingesting the day that just ended, so the previous day stays current until then.
 */
export function currentDataDay(now: Date, settleMinutes: number): string {
  const settled = new Date(now.getTime() - settleMinutes * 60_000);
  return lastCompletedUtcDay(settled);
}

/** The instant the data day after the current one becomes current. */
export function nextDataDayAt(now: Date, settleMinutes: number): Date {
  const dataDay = currentDataDay(now, settleMinutes);
  return new Date((toEpochDay(dataDay) + 2) * MS_PER_DAY + settleMinutes * 60_000);
}

export const WINDOW_DAYS = { day: 1, week: 7, month: 30, quarter: 90, year: 365 } as const;
export type WindowName = keyof typeof WINDOW_DAYS;
export const WINDOW_NAMES = Object.keys(WINDOW_DAYS) as WindowName[];

export function isWindowName(value: string): value is WindowName {
  return Object.hasOwn(WINDOW_DAYS, value);
}

export interface DateRange {
  start: string;
  end: string;
  /** Days in the range after clamping to the dataset start. */
  days: number;
  /** True when the nominal window reached back before the dataset start and was cut. */
  clamped: boolean;
}

function clampedRange(start: string, end: string): DateRange {
  const clamped = start < DATASET_START;
  const from = clamped ? DATASET_START : start;
  return { start: from, end, days: Math.max(0, daysInclusive(from, end)), clamped };
}

/** The window of `WINDOW_DAYS[window]` completed days ending on `dataDay` (inclusive). */
export function windowRange(window: WindowName, dataDay: string): DateRange {
  return clampedRange(addDays(dataDay, -(WINDOW_DAYS[window] - 1)), dataDay);
}

/** The equal-length window immediately before `windowRange(window, dataDay)`, for period-over-period change. */
export function previousWindowRange(window: WindowName, dataDay: string): DateRange {
  return windowRange(window, addDays(dataDay, -WINDOW_DAYS[window]));
}

/** `YYYY-MM` of a calendar month. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `2025-02` → 2025-02-01 … 2025-02-28; null when `month` is not `YYYY-MM`. */
export function monthRange(month: string): DateRange | null {
  if (!MONTH_PATTERN.test(month)) return null;
  const start = `${month}-01`;
  const end = addDays(`${addDays(start, 32).slice(0, 7)}-01`, -1);
  return clampedRange(start, end);
}

/** `2025-03` → `2025-02`. */
export function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7);
}

/** Every calendar month from the dataset start whose last day is on or before `dataDay`, oldest first. */
export function completeMonths(dataDay: string): string[] {
  const months: string[] = [];
  for (let month = DATASET_START.slice(0, 7); ; month = addDays(`${month}-01`, 32).slice(0, 7)) {
    const range = monthRange(month);
    if (!range || range.end > dataDay) return months;
    months.push(month);
  }
}
