import 'server-only';
import { loadSliceWeeks, modelSliceRanks } from '../slices/view';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getConfig } from '../../env';
import { formatDay, formatRange } from '../../format';
import { modelLabel } from '../../model-name';
import { cardAlt } from '../../og/card-data';
import { modelCard } from './card';
import { socialImage } from '../../og/metadata';
import { knownPermaslugs, modelProfile } from '../../rankings/model-profile';
import { decodeSegment, modelHref, modelOgImageHref, modelsHref } from '../../routes';
import { breadcrumbJsonLd, datasetJsonLd, pageMetadata, type Crumb } from '../../seo';
import { getModelHistory } from '../models/history';
import type { SitemapPage } from '../server';
import { modelDownloadHref } from './board';

/** Segments arrive percent-encoded (`%3Afree`) or raw (`:free`): both name the same model. */
function decodePermaslug(segments: string[]): string | null {
  const decoded = segments.map(decodeSegment);
  return decoded.every((segment) => segment !== null) ? decoded.join('/') : null;
}

/** A model page's data: the model's profile from the history, or a 404 when the history does not hold it. */
export async function loadModelPage(segments: string[]) {
  const permaslug = decodePermaslug(segments);
  if (!permaslug) notFound();
  const data = await getModelHistory();
  const profile = modelProfile(data.history, permaslug, data.dataDay);
  if (!profile) notFound();
  const crumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: 'Models', path: modelsHref() },
    { name: modelLabel(profile.permaslug), path: modelHref(profile.permaslug) },
  ];
  const site = getConfig();
  const structured = [
    datasetJsonLd(site, {
      name: `${profile.permaslug}: daily tokens and rank on OpenRouter`,
      description: `Daily tokens, rank among all models and share of the day of ${profile.permaslug} (by ${profile.author}), ${formatRange(profile.firstSeen, data.dataDay)} (UTC).`,
      path: modelHref(profile.permaslug),
      source: 'rankings-daily',
      demo: data.source === 'demo',
      start: profile.firstSeen,
      end: data.dataDay,
      asOf: data.asOf,
      csv: modelDownloadHref(profile.permaslug, 'csv'),
      json: modelDownloadHref(profile.permaslug, 'json'),
    }),
    breadcrumbJsonLd(site, crumbs),
  ];
  // "Where it ranks": every slice's last completed week, which the hub reads too (each slice's newest block).
  const weeks = await loadSliceWeeks();
  const week = weeks.boards.find((b) => b.board)?.board?.range;
  const slices = { ranks: modelSliceRanks(profile.permaslug, weeks), period: week ? formatRange(week.start, week.end) : null, asOf: weeks.asOf };
  return { ...data, profile, crumbs, structured, slices };
}

export async function modelPageMetadata(segments: string[]): Promise<Metadata> {
  const { profile, dataDay, source } = await loadModelPage(segments);
  const latest = profile.points.at(-1);
  const standing = latest?.date === dataDay && latest.rank !== null ? `#${latest.rank} on ${formatDay(dataDay)}` : `outside the top 50 on ${formatDay(dataDay)}`;
  return pageMetadata(getConfig(), {
    title: `${modelLabel(profile.permaslug)} (${profile.permaslug}) — daily tokens and rank to ${formatDay(dataDay)}`,
    description: `Daily token usage, rank and share of ${profile.permaslug} (by ${profile.author}) on OpenRouter since ${formatDay(profile.firstSeen)}: ${standing}, best rank #${profile.bestRank.rank} on ${formatDay(profile.bestRank.date)}.`,
    path: modelHref(profile.permaslug),
    image: socialImage(modelOgImageHref(profile.permaslug), cardAlt(modelCard(profile, dataDay, source === 'demo'))),
  });
}

/** The board's pages for the sitemap: every model in the history. */
export async function modelSitemap(): Promise<SitemapPage[]> {
  const { history, dataDay } = await getModelHistory();
  return knownPermaslugs(history).map((permaslug) => ({ path: modelHref(permaslug), lastModified: dataDay }));
}
