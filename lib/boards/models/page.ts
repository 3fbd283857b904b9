import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getConfig } from '../../env';
import { formatDay, formatRange, WINDOW_LABELS } from '../../format';
import { cardAlt } from '../../og/card-data';
import { modelsWindowCard } from './card';
import { socialImage } from '../../og/metadata';
import { computeLeaderboard } from '../../rankings/leaderboard';
import { DEFAULT_MODELS_WINDOW, modelsHref, modelsOgImageHref } from '../../routes';
import { breadcrumbJsonLd, datasetJsonLd, listNames, pageMetadata } from '../../seo';
import { DATASET_START, isWindowName, WINDOW_NAMES, windowRange, type WindowName } from '../../utc-day';
import type { SitemapPage } from '../server';
import { archiveSitemap } from './archive-page';
import { modelsDownloadHref } from './board';
import { getModelHistory } from './history';

/** A models window's page: `/models?window=…`, rendered at `/models/window/<window>`. */

export function windowOf(value: string): WindowName {
  if (!isWindowName(value)) notFound();
  return value;
}

export async function windowPageMetadata(window: WindowName): Promise<Metadata> {
  const { history, dataDay } = await getModelHistory();
  const leaders = computeLeaderboard(history, window, dataDay).rows.slice(0, 3).map((row) => row.permaslug);
  return pageMetadata(getConfig(), {
    title: `Top AI models by tokens — ${WINDOW_LABELS[window].short} to ${formatDay(dataDay)}`,
    description: `The AI models that used the most tokens on OpenRouter over ${WINDOW_LABELS[window].long} to ${formatDay(dataDay)}${leaders.length ? `, led by ${listNames(leaders)}` : ''}: ranks, shares, changes and market share by author.`,
    path: modelsHref(window),
    image: socialImage(modelsOgImageHref(window), cardAlt(await modelsWindowCard(window))),
  });
}

/** The window's leaderboard, the range its charts cover, what its caption says, and its structured data. */
export async function loadWindowPage(window: WindowName) {
  const { history, asOf, dataDay, source } = await getModelHistory();
  const board = computeLeaderboard(history, window, dataDay);
  // A one-day window has nothing to stack over time: chart the week that ends on it instead.
  const chartRange = window === 'day' ? windowRange('week', dataDay) : board.range;
  const period = formatRange(board.range.start, board.range.end);
  const comparison = board.comparable
    ? `change and rank movement vs the ${board.previousRange.days} days before`
    : `no change figures: the ${board.previousRange.days} days before would start before the data does (${formatDay(DATASET_START)})`;
  const site = getConfig();
  const structured = [
    datasetJsonLd(site, {
      name: `Top AI models by tokens, ${WINDOW_LABELS[window].long} to ${formatDay(dataDay)}`,
      description: `Tokens per AI model on OpenRouter over ${period} (UTC), ranked, with each model's share of all tokens${board.comparable ? ` and its change vs the ${board.previousRange.days} days before` : ''}.`,
      path: modelsHref(window),
      source: 'rankings-daily',
      demo: source === 'demo',
      start: board.range.start,
      end: board.range.end,
      asOf,
      csv: modelsDownloadHref({ window }, 'csv'),
      json: modelsDownloadHref({ window }, 'json'),
    }),
    breadcrumbJsonLd(site, [
      { name: 'Home', path: '/' },
      { name: 'Models', path: modelsHref() },
      ...(window === DEFAULT_MODELS_WINDOW ? [] : [{ name: WINDOW_LABELS[window].short, path: modelsHref(window) }]),
    ]),
  ];
  return { history, asOf, dataDay, source, board, chartRange, period, comparison, structured };
}

/** The board's pages for the sitemap: every window, and the archive. */
export async function modelsSitemap(): Promise<SitemapPage[]> {
  const { dataDay } = await getModelHistory();
  return [...WINDOW_NAMES.map((window) => ({ path: modelsHref(window), lastModified: dataDay })), ...archiveSitemap(dataDay)];
}
