import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDatasets } from '../../data-layer';
import { getConfig } from '../../env';
import { formatDay, formatMonth, formatRange, formatShare } from '../../format';
import { cardAlt } from '../../og/card-data';
import { leaderboardCard } from './card';
import { socialImage } from '../../og/metadata';
import { archiveLastModified, archiveSummaries, isArchiveMonth, monthLeaderboard, nextMonth, restatableThrough } from '../../rankings/archive';
import { archiveHref, archiveOgImageHref, modelsHref } from '../../routes';
import { breadcrumbJsonLd, datasetJsonLd, pageMetadata, type Crumb } from '../../seo';
import { completeMonths, DATASET_START, previousMonth } from '../../utc-day';
import type { SitemapPage } from '../server';
import { modelsDownloadHref } from './board';
import { getModelHistory } from './history';

/** The monthly archive: its index, `/models/archive`, and each month, `/models/archive/YYYY-MM`. */

// Shared by generateMetadata and the page within one render.
const loadMonth = cache(async (month: string) => {
  // The data day is a clock reading: anything but a complete month is a 404 before the history is loaded.
  if (!isArchiveMonth(month, getDatasets().dataDay())) notFound();
  const data = await getModelHistory();
  // The snapshot's own data day decides, should the clock have crossed a settle boundary in between.
  if (!isArchiveMonth(month, data.dataDay)) notFound();
  return { ...data, month, board: monthLeaderboard(data.history, month) };
});

export async function monthPageMetadata(value: string): Promise<Metadata> {
  const { month, board, source } = await loadMonth(value);
  const name = formatMonth(month);
  const leader = board.rows[0];
  return pageMetadata(getConfig(), {
    title: leader ? `Top AI models by tokens — ${name}: ${leader.permaslug} is #1` : `Top AI models by tokens — ${name}`,
    description: leader
      ? `The AI models that used the most tokens on OpenRouter in ${name} (UTC): ${leader.permaslug} was #1 with ${formatShare(leader.tokens, board.total)} of all tokens. Full leaderboard, change vs the month before, daily chart.`
      : `The AI models that used the most tokens on OpenRouter in ${name} (UTC).`,
    path: archiveHref(month),
    image: socialImage(archiveOgImageHref(month), cardAlt(leaderboardCard(board, 'Top AI models by tokens', name, source === 'demo'))),
  });
}

/** The month's leaderboard and history, its neighbours in the archive, what its captions say, its structured data. */
export async function loadMonthPage(value: string) {
  const { month, board, history, asOf, dataDay, source } = await loadMonth(value);
  const name = formatMonth(month);
  const period = formatRange(board.range.start, board.range.end);
  const previous = previousMonth(month);
  const next = nextMonth(month);
  const hasNext = isArchiveMonth(next, dataDay);
  const hasPrevious = isArchiveMonth(previous, dataDay);
  const restatable = restatableThrough(month);
  const comparison = hasPrevious
    ? `vs ${formatMonth(previous)}`
    : `— none: the history starts on ${formatDay(DATASET_START)}, so there is no month before to compare with`;
  const site = getConfig();
  const crumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: 'Models', path: modelsHref() },
    { name: 'Archive', path: archiveHref() },
    { name, path: archiveHref(month) },
  ];
  const structured = [
    datasetJsonLd(site, {
      name: `Top AI models by tokens, ${name}`,
      description: `Tokens per AI model on OpenRouter in ${name} (${period}, UTC), ranked, with share of all tokens and change vs the month before.`,
      path: archiveHref(month),
      source: 'rankings-daily',
      demo: source === 'demo',
      start: board.range.start,
      end: board.range.end,
      asOf,
      csv: modelsDownloadHref({ month }, 'csv'),
      json: modelsDownloadHref({ month }, 'json'),
    }),
    breadcrumbJsonLd(site, crumbs),
  ];

  return { month, board, history, asOf, dataDay, source, name, period, previous, next, hasPrevious, hasNext, restatable, comparison, crumbs, structured };
}

export function archiveIndexMetadata(): Metadata {
  return pageMetadata(getConfig(), {
    title: 'Monthly archive — top AI models by tokens',
    description:
      'The AI models that used the most tokens on OpenRouter in each calendar month since January 2025: each month’s #1, its total tokens and the full leaderboard.',
    path: archiveHref(),
  });
}

/** Every complete month, newest first, with its #1 and all its tokens. */
export async function loadArchiveIndex() {
  const { history, asOf, dataDay, source } = await getModelHistory();
  return { months: archiveSummaries(history, dataDay), asOf, dataDay, source };
}

/**
 * The archive for the sitemap: the index, and each month dated by when it last changed in substance
 * (restated figures, its "next month" link) until the data day passes the end of the following month.
 */
export function archiveSitemap(dataDay: string): SitemapPage[] {
  return [{ path: archiveHref(), lastModified: dataDay }, ...completeMonths(dataDay).map((month) => ({ path: archiveHref(month), lastModified: archiveLastModified(month, dataDay) }))];
}
