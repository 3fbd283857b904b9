import { DEMO_LABEL, LICENSE_LINE, LICENSE_URL } from '../../citation';
import { citationLine } from '../../attribution';
import type { DataSource } from '../../datasets/client';
import { formatDay, formatMonth, formatShare, formatTokens } from '../../format';
import { isArchiveMonth } from '../../rankings/archive';
import { dailyFeedEntries, FEED_MOVERS, type DailyFeedEntry, type FeedModel, type FeedMover } from '../../rankings/feed';
import { archiveHref, modelHref, modelsHref } from '../../routes';
import { addDays } from '../../utc-day';
import { escapeXml, type AtomEntry, type AtomFeed, type AtomLink } from '../../feed/atom';
import { getModelHistory } from './history';

export const FEED_PATH = '/feed.xml';

/** The site's feed (`/feed.xml`) from the model history the pages hold: the last 30 data days, newest first. */
export async function loadModelsFeed({ siteUrl, siteName }: { siteUrl: string; siteName: string }): Promise<AtomFeed> {
  const { history, asOf, dataDay, source } = await getModelHistory();
  return modelFeed({ entries: dailyFeedEntries(history, dataDay), siteUrl, siteName, source, asOf, dataDay });
}

export interface ModelFeedInput {
  entries: readonly DailyFeedEntry[];
  siteUrl: string;
  siteName: string;
  source: DataSource;
  asOf: string;
  dataDay: string;
}

/**
 * The daily model feed: `dailyFeedEntries` as Atom. Entry ids are tag URIs of the site's host and the
 * day, so they never change; an entry links to its #1's model page, whose daily history keeps that day
 * for good (the day view, `/models?window=day`, moves on every day). Demo figures carry the demo label
 * in the feed's title, subtitle and rights and in every entry, never OpenRouter's citation.
 */
export function modelFeed({ entries, siteUrl, siteName, source, asOf, dataDay }: ModelFeedInput): AtomFeed {
  const demo = source === 'demo';
  const citation = citationLine('rankings-daily', source, asOf);
  const attribution = citation ? `${citation} ${LICENSE_LINE}` : `${DEMO_LABEL}.`;
  const url = (path: string) => `${siteUrl}${path}`;
  const tag = (specific: string) => `tag:${new URL(siteUrl).hostname},2025-01-01:${specific}`;
  const newest = entries[0] ? dayEnd(entries[0].date) : `${dataDay}T00:00:00Z`;

  const feedEntries = entries.map((entry): AtomEntry => {
    const month = entry.date.slice(0, 7);
    const archived = isArchiveMonth(month, dataDay);
    const links: AtomLink[] = [{ href: url(entry.leader ? modelHref(entry.leader.permaslug) : modelsHref('day')), rel: 'alternate', type: 'text/html' }];
    if (archived) links.push({ href: url(archiveHref(month)), rel: 'related', type: 'text/html' });
    return {
      id: tag(`models/daily/${entry.date}`),
      title: `${demo ? '[Demo data] ' : ''}${entryTitle(entry)}`,
      // The day's figures were complete when it ended; a later regeneration does not make the entry newer.
      updated: dayEnd(entry.date),
      links,
      rights: attribution,
      contentHtml: entryHtml(entry, url, archived ? month : null, citation),
    };
  });

  const title = `${siteName}: daily model rankings${demo ? ` (${DEMO_LABEL})` : ''}`;
  return {
    id: tag('models/daily'),
    title,
    subtitle: `The #1 AI model by tokens each UTC day, new entrants to the top 50 and the biggest movers. ${attribution}`,
    updated: latest(asOf, newest),
    links: [
      { href: url(FEED_PATH), rel: 'self', type: 'application/atom+xml' },
      { href: url(modelsHref('day')), rel: 'alternate', type: 'text/html' },
      ...(citation ? [{ href: LICENSE_URL, rel: 'license' as const }] : []),
    ],
    author: { name: siteName, uri: siteUrl },
    rights: attribution,
    entries: feedEntries,
  };
}

export function entryTitle(entry: DailyFeedEntry): string {
  if (!entry.leader) return `${entry.date}: no model ranked`;
  const who = entry.leader.permaslug;
  if (!entry.previous) return `${entry.date}: ${who} is #1`;
  return `${entry.date}: ${who} ${entry.leaderChanged ? 'is the new #1' : 'stays #1'}`;
}

function dayEnd(date: string): string {
  return `${addDays(date, 1)}T00:00:00Z`;
}

/** The later of two RFC 3339 instants, normalised; an unreadable `as_of` yields the other. */
function latest(asOf: string, fallback: string): string {
  const a = Date.parse(asOf);
  const b = Date.parse(fallback);
  return new Date(Number.isNaN(a) || a < b ? b : a).toISOString();
}

type Url = (path: string) => string;

function modelLink(permaslug: string, url: Url): string {
  return `<a href="${escapeXml(url(modelHref(permaslug)))}">${escapeXml(permaslug)}</a>`;
}

function list(heading: string, items: string[]): string {
  return items.length === 0 ? '' : `<h3>${escapeXml(heading)}</h3><ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function mover(m: FeedMover, url: Url): string {
  const places = Math.abs(m.movement);
  return `${modelLink(m.permaslug, url)}: #${m.previousRank} → #${m.rank} (${m.movement > 0 ? 'up' : 'down'} ${places} place${places === 1 ? '' : 's'})`;
}

function entrant(m: FeedModel, url: Url): string {
  return `${modelLink(m.permaslug, url)} at #${m.rank} (${escapeXml(formatTokens(m.tokens))} tokens)`;
}

function entryHtml(entry: DailyFeedEntry, url: Url, archiveMonth: string | null, citation: string | null): string {
  const parts: string[] = [];
  const day = escapeXml(formatDay(entry.date));
  if (entry.leader) {
    const share = escapeXml(formatShare(entry.leader.tokens, entry.total));
    const change = !entry.previous
      ? ''
      : entry.leaderChanged
        ? entry.previous.leader
          ? ` It is the new #1, taking over from ${modelLink(entry.previous.leader, url)}.`
          : ' It is the new #1.'
        : ' It stays #1.';
    parts.push(
      `<p>#1 on ${day} (UTC): ${modelLink(entry.leader.permaslug, url)} with ${escapeXml(formatTokens(entry.leader.tokens))} tokens, ${share} of all tokens that day.${change}</p>`,
    );
  } else {
    parts.push(`<p>No model was ranked on ${day} (UTC).</p>`);
  }
  if (!entry.previous) {
    parts.push(`<p>The history holds no figures for the day before, so there is nothing to compare with.</p>`);
  } else {
    parts.push(
      entry.entrants.length === 0 ? '<p>No model entered the top 50.</p>' : list('New in the top 50', entry.entrants.map((m) => entrant(m, url))),
      entry.up.length + entry.down.length === 0
        ? '<p>No model in the top 50 on both days changed rank.</p>'
        : list('Biggest moves up', entry.up.map((m) => mover(m, url))) + list('Biggest moves down', entry.down.map((m) => mover(m, url))),
      `<p>Moves compare each model's rank with the day before, among models in the top 50 on both days (at most ${FEED_MOVERS} each way).</p>`,
    );
  }
  if (archiveMonth) parts.push(`<p><a href="${escapeXml(url(archiveHref(archiveMonth)))}">Top models of ${escapeXml(formatMonth(archiveMonth))}</a></p>`);
  parts.push(
    citation
      ? `<p>${escapeXml(citation)} <a href="${LICENSE_URL}" rel="license">${escapeXml(LICENSE_LINE)}</a></p>`
      : `<p><strong>${escapeXml(DEMO_LABEL)}.</strong></p>`,
  );
  return parts.filter(Boolean).join('\n');
}
