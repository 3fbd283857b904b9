import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getConfig } from '../../env';
import { formatDay, formatRange } from '../../format';
import { modelLabel } from '../../model-name';
import { breadcrumbJsonLd, datasetJsonLd, listNames, pageMetadata, type Crumb } from '../../seo';
import { FAMILY_LABELS, sliceOf, type Slice } from './slices';
import { socialImage } from '../../og/metadata';
import { RANKINGS_PATH, sliceHref, sliceOgImageHref, slicesDownloadHref } from './board';
import { sliceCardAlt } from './card';
import { familyHref } from './url';
import { hubSummaries, loadSliceView, loadSliceWeeks, type SliceView } from './view';
import { DEFAULT_SLICE_WINDOW, isSliceWindowName, SLICE_WINDOW_LABELS, windowNamesOf, type SliceWindowName } from './windows';

/** The hub (`/rankings`) and a slice board's window (`/rankings/<family>/<slug>?window=…`). */

export const HUB_TITLE = 'AI model rankings by use case, language, context length and modality';

/** The slice a board's path names; a 404 for any other (middleware.ts has refused it already). */
export function sliceOfParams(family: string, slug: string): Slice {
  return sliceOf(family, slug) ?? notFound();
}

/** The window a board's path names, if the slice offers it (no days on an estimated slice). */
export function windowOfParam(slice: Slice, value: string): SliceWindowName {
  if (!isSliceWindowName(value) || !windowNamesOf(slice).includes(value)) notFound();
  return value;
}

/** `Programming`, `1M context`: how a title names the slice. */
export function boardTitle(slice: Slice): string {
  switch (slice.family) {
    case 'use-case':
      return `Top AI models for ${slice.label.toLowerCase()}`;
    case 'language':
      return `Top AI models for prompts in ${slice.label.toLowerCase()}`;
    case 'context':
      return `Top AI models by tokens at ${slice.label}`;
    case 'modality':
      return `Top AI models for ${slice.label.toLowerCase()}`;
  }
}

export function boardCrumbs(slice: Slice, window: SliceWindowName): Crumb[] {
  return [
    { name: 'Home', path: '/' },
    { name: 'Rankings', path: RANKINGS_PATH },
    { name: FAMILY_LABELS[slice.family].label, path: familyHref(slice.family) },
    { name: slice.label, path: sliceHref(slice) },
    ...(window === DEFAULT_SLICE_WINDOW ? [] : [{ name: SLICE_WINDOW_LABELS[window].short, path: sliceHref(slice, window) }]),
  ];
}

/** Says how a board's figures were made: estimates from a sample, or counts. */
export function figuresNote(slice: Pick<Slice, 'sampled'>): string {
  return slice.sampled
    ? 'Estimated: weekly totals upsampled by OpenRouter from a sample of requests, not counts'
    : 'Exact token counts per day';
}

/** A 404 when no part of the window lies inside the data yet (no completed week before 2025-01-12). */
async function viewOf(slice: Slice, window: SliceWindowName): Promise<SliceView> {
  return (await loadSliceView(slice, window)) ?? notFound();
}

export async function slicePageMetadata(slice: Slice, window: SliceWindowName): Promise<Metadata> {
  const { board, dataDay } = await viewOf(slice, window);
  const leaders = board.rows.slice(0, 3).map((row) => modelLabel(row.permaslug));
  const period = formatRange(board.range.start, board.range.end);
  return pageMetadata(getConfig(), {
    title: `${boardTitle(slice)} — ${SLICE_WINDOW_LABELS[window].short} to ${formatDay(board.range.end)}`,
    description: `${slice.meaning} The AI models that used the most ${slice.sampled ? '(estimated) ' : ''}tokens on OpenRouter over ${period}${leaders.length ? `, led by ${listNames(leaders)}` : ''}; data through ${formatDay(dataDay)}.`,
    path: sliceHref(slice, window),
    // One card per slice (its last completed week), whichever window the page shows.
    image: socialImage(sliceOgImageHref(slice), await sliceCardAlt(slice)),
  });
}

/** A board window's figures, what its caption says, and its structured data. */
export async function loadSlicePage(slice: Slice, window: SliceWindowName) {
  const view = await viewOf(slice, window);
  const { board } = view;
  const period = formatRange(board.range.start, board.range.end);
  const unit = board.grain === 'week' ? 'weeks' : 'days';
  const span = board.grain === 'week' ? board.previousRange.days / 7 : board.previousRange.days;
  const comparison = board.comparable
    ? `change and rank movement vs the ${span} ${span === 1 ? unit.slice(0, -1) : unit} before`
    : `no change figures: the period before would start before the data does`;
  const site = getConfig();
  const crumbs = boardCrumbs(slice, window);
  const structured = [
    datasetJsonLd(site, {
      name: `${boardTitle(slice)}, ${SLICE_WINDOW_LABELS[window].long} to ${formatDay(board.range.end)}${slice.sampled ? ' (estimated)' : ''}`,
      description: `${slice.meaning} Tokens per AI model on OpenRouter over ${period} (UTC), ranked, with each model's share of the slice. ${figuresNote(slice)}.`,
      path: sliceHref(slice, window),
      source: 'rankings-daily',
      demo: view.source === 'demo',
      start: board.range.start,
      end: board.range.end,
      asOf: view.asOf,
      csv: slicesDownloadHref({ slice: slice.id, window }, 'csv'),
      json: slicesDownloadHref({ slice: slice.id, window }, 'json'),
    }),
    breadcrumbJsonLd(site, crumbs),
  ];
  return { view, period, comparison, crumbs, structured };
}

export async function hubMetadata(): Promise<Metadata> {
  const { dataDay } = await loadSliceWeeks();
  return pageMetadata(getConfig(), {
    title: HUB_TITLE,
    description: `Which AI models lead each slice of OpenRouter's traffic: 12 use cases, natural and programming languages, 5 context lengths and 5 modalities, for the last completed week to ${formatDay(dataDay)}.`,
    path: RANKINGS_PATH,
  });
}

export async function loadHubPage() {
  const weeks = await loadSliceWeeks();
  const site = getConfig();
  const structured = [
    breadcrumbJsonLd(site, [
      { name: 'Home', path: '/' },
      { name: 'Rankings', path: RANKINGS_PATH },
    ]),
  ];
  return { ...weeks, summaries: hubSummaries(weeks), structured };
}
