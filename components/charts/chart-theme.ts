import { useMemo, useSyncExternalStore } from 'react';

import { formatDay } from '@/lib/format';
import { formatTokensTick, TOKENS_UNIT } from './token-ticks';

/**
 * Ten categorical hues (Tableau 10's, moved into one mid-tone band): each has at least 3:1 contrast on
 * both the light (#ffffff) and the dark (#0f1115) page, and they are ordered so that neighbours in a
 * stack stay apart for red-green colour blindness too. `other` is always neutral grey.
 */
export const PALETTE = [
  '#3f7fc0', // blue
  '#d8731a', // orange
  '#2a9d8f', // teal
  '#b08a00', // mustard
  '#d65a9e', // pink
  '#5a9e3c', // green
  '#0f9fbf', // cyan
  '#d94a4c', // red
  '#9b6bd1', // violet
  '#9a6f55', // brown
] as const;
export const OTHER_COLOR = '#8b8f98';

export function seriesColor(key: string, index: number): string {
  return key === 'other' ? OTHER_COLOR : (PALETTE[index % PALETTE.length] ?? OTHER_COLOR);
}

/** `#rrggbb` with an alpha, for translucent fills. */
export function withAlpha(hex: string, alpha: number): string {
  const channel = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${channel}`;
}

export interface ChartTheme {
  background: string;
  text: string;
  muted: string;
  border: string;
  fontFamily: string;
  /** Same breakpoint as `.chart` in charts.css. */
  narrow: boolean;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
const NARROW_QUERY = '(max-width: 40rem)';
// Fallbacks equal the light values in app/globals.css; used only if the variables are missing.
const FALLBACK: ChartTheme = {
  background: '#ffffff',
  text: '#14171f',
  muted: '#4b5263',
  border: '#d9dde5',
  fontFamily: 'system-ui, sans-serif',
  narrow: false,
};

/**
 * The last snapshot, kept while some chart listens for changes (each read forces a style recalculation);
 * with no listener nothing would clear it, so it is not kept.
 */
let cached: string | null = null;
let listeners = 0;

// The colour variables switch with prefers-color-scheme and with the dark-mode toggle (<html data-theme>),
// so re-read them when either (or another query) changes.
function subscribe(notify: () => void): () => void {
  const onChange = () => {
    cached = null;
    notify();
  };
  listeners += 1;
  const queries = [DARK_QUERY, NARROW_QUERY].map((query) => window.matchMedia(query));
  queries.forEach((query) => query.addEventListener('change', onChange));
  const themeObserver = new MutationObserver(onChange);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    queries.forEach((query) => query.removeEventListener('change', onChange));
    themeObserver.disconnect();
    listeners -= 1;
    if (listeners === 0) cached = null;
  };
}

let probe: HTMLSpanElement | null = null;

/**
 * The colour a variable resolves to here. The variables hold `light-dark(…)` (app/globals.css), which
 * only an element's used colour scheme can resolve, so a hidden probe element takes each in turn.
 */
function resolveColor(name: string, fallback: string): string {
  if (!probe) {
    probe = document.createElement('span');
    probe.hidden = true;
    document.body.append(probe);
  }
  probe.style.color = fallback;
  probe.style.color = `var(${name})`;
  return getComputedStyle(probe).color || fallback;
}

// A string snapshot, because useSyncExternalStore compares snapshots by identity. React asks for it on
// every render of every chart and again after each commit: a phone's main thread should pay once.
function getSnapshot(): string {
  if (listeners === 0) return readSnapshot();
  cached ??= readSnapshot();
  return cached;
}

function readSnapshot(): string {
  const root = getComputedStyle(document.documentElement);
  return JSON.stringify({
    background: resolveColor('--bg', FALLBACK.background),
    text: resolveColor('--text', FALLBACK.text),
    muted: resolveColor('--muted', FALLBACK.muted),
    border: resolveColor('--border', FALLBACK.border),
    fontFamily: root.fontFamily || FALLBACK.fontFamily,
    narrow: window.matchMedia(NARROW_QUERY).matches,
  } satisfies ChartTheme);
}

const SERVER_SNAPSHOT = JSON.stringify(FALLBACK);

/** Site colours from CSS custom properties and the width breakpoint, kept current on change. */
export function useChartTheme(): ChartTheme {
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, () => SERVER_SNAPSHOT);
  return useMemo(() => JSON.parse(snapshot) as ChartTheme, [snapshot]);
}

const valueFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const axisDayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** `8.6e12, "tokens"` → `8.6T tokens`; `12.5, "%"` → `12.5%`; `3, "attempts"` → `3 attempts`. */
export function formatValue(value: number, unit: string): string {
  const number = formatTick(value, unit);
  if (!unit) return number;
  return unit.startsWith('%') ? `${number}${unit}` : `${number} ${unit}`;
}

/** An axis tick: tokens compact (`1.5T`), anything else as a plain number. */
export function formatTick(value: number, unit: string): string {
  return unit === TOKENS_UNIT ? formatTokensTick(value) : formatNumber(value);
}

export function formatNumber(value: number): string {
  return valueFormat.format(value);
}

// Intl throws on an invalid date; a malformed day should show as itself, not break the chart.
function isDay(day: string): boolean {
  return !Number.isNaN(Date.parse(`${day}T00:00:00Z`));
}

/** `2026-11-24` → `Nov 24` (UTC, so the day never shifts). */
export function formatAxisDay(day: string): string {
  return isDay(day) ? axisDayFormat.format(new Date(`${day}T00:00:00Z`)) : day;
}

/** `2026-11-24` → `Nov 24, 2026`, for tooltip titles. */
export function formatTooltipDay(day: string): string {
  return isDay(day) ? formatDay(day) : day;
}

/**
 * Options every chart shares: sized by its `.chart` container, site colours and font, and no animation.
 * The figures do not change while a page is open, and drawing a stack of eleven series grow over a second
 * is dozens of frames of work on a phone's main thread at load (and motion some readers asked not to see).
 */
export function baseOptions(theme: ChartTheme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    locale: 'en-US',
    color: theme.text,
    font: { family: theme.fontFamily },
    animation: false as const,
    // Category data arrive in order with unique indices: chart.js may skip sorting and checking them.
    normalized: true,
  };
}

/** Legend below the plot; smaller on narrow screens so many series still leave room for the plot. */
export function legendOptions(theme: ChartTheme) {
  const box = theme.narrow ? 8 : 12;
  return {
    position: 'bottom' as const,
    labels: { color: theme.text, boxWidth: box, boxHeight: box, font: { size: theme.narrow ? 11 : 12 } },
  };
}

/** Axis colours: grid lines in `--border`, tick labels and title in `--muted`. */
export function axisStyle(theme: ChartTheme, title: string) {
  return {
    grid: { color: theme.border },
    border: { color: theme.border },
    ticks: { color: theme.muted },
    title: { display: title !== '', text: title, color: theme.muted },
  };
}
