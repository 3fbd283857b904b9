import 'server-only';
import { citationLine } from '../../attribution';
import { DEMO_LABEL, LICENSE_LINE, LICENSE_URL } from '../../citation';
import type { DataSource } from '../../datasets/client';
import { escapeXml, type AtomEntry } from '../../feed/atom';
import { formatRange, formatShare, formatTokens } from '../../format';
import { modelHref } from '../../routes';
import { addDays } from '../../utc-day';
import { sliceHref } from './board';
import { sliceCardTitle } from './card';
import type { SliceLeaderboard } from './rows';
import { sliceById, type Slice } from './slices';
import { loadSliceWeeks } from './view';

/**
 * The slice boards' part of the site feed (`/feed.xml`): an entry when a slice has a new #1, that is
 * when the leader of its last completed week is not the leader of the week before.
 *
 * Read from what the hub reads (loadSliceWeeks: each slice's week window, whose requests hold the week
 * before too whenever it lies inside the data), so the feed adds no upstream request to the slices'
 * plan (lib/boards/slices/plan.ts). The price: each entry is in the feed for the week it describes and
 * leaves it when the next week completes (a reader polling at least weekly sees every one); ids are tag
 * URIs of the slice and week, so an entry never changes identity.
 */

export interface SliceLeaderChange {
  slice: Slice;
  /** The completed week (Monday to Sunday) whose #1 is new. */
  week: { start: string; end: string };
  leader: { permaslug: string; tokens: bigint };
  /** All of the slice's tokens that week, `other` included. */
  total: bigint;
  /** The week before's #1, when it is still ranked this week (a leader that fell out of the top 50 is not named). */
  previousLeader: string | null;
  estimated: boolean;
}

/**
 * Each slice whose last completed week has a new #1, in slice order. Nothing is compared without the
 * week before in the data (the first week, or a week before with no figures).
 */
export function sliceLeaderChanges(boards: readonly { board: SliceLeaderboard | null }[]): SliceLeaderChange[] {
  return boards.flatMap(({ board }): SliceLeaderChange[] => {
    const slice = board ? sliceById(board.slice) : null;
    const leader = board?.rows[0];
    if (!board || !slice || !leader || !board.comparable || board.previousTotal === 0n || leader.previousRank === 1) return [];
    return [
      {
        slice,
        week: { start: board.range.start, end: board.range.end },
        leader: { permaslug: leader.permaslug, tokens: leader.tokens },
        total: board.total,
        previousLeader: board.rows.find((row) => row.previousRank === 1)?.permaslug ?? null,
        estimated: board.estimated,
      },
    ];
  });
}

export interface SliceFeedInput {
  changes: readonly SliceLeaderChange[];
  siteUrl: string;
  source: DataSource;
  asOf: string;
}

/** `Week of 2026-11-23: openai/gpt-4o is the new #1 — Use case: Programming (estimated)`. */
export function sliceEntryTitle(change: SliceLeaderChange): string {
  return `Week of ${change.week.start}: ${change.leader.permaslug} is the new #1 — ${sliceCardTitle(change.slice)}${change.estimated ? ' (estimated)' : ''}`;
}

/**
 * The changes as Atom entries, labelled and cited like the model feed's (the demo label, never
 * OpenRouter's citation, on synthetic figures). An entry links to its new #1's model page and to the
 * board; it is dated by the end of its week, when its figures were complete.
 */
export function sliceFeedEntries({ changes, siteUrl, source, asOf }: SliceFeedInput): AtomEntry[] {
  const demo = source === 'demo';
  const citation = citationLine('rankings-daily', source, asOf);
  const attribution = citation ? `${citation} ${LICENSE_LINE}` : `${DEMO_LABEL}.`;
  const url = (path: string) => `${siteUrl}${path}`;
  const tag = (specific: string) => `tag:${new URL(siteUrl).hostname},2025-01-01:${specific}`;
  const link = (href: string, text: string) => `<a href="${escapeXml(url(href))}">${escapeXml(text)}</a>`;
  return changes.map((change): AtomEntry => {
    const { slice, leader, week } = change;
    const board = sliceHref(slice);
    const tokens = `${escapeXml(formatTokens(leader.tokens))}${change.estimated ? ' estimated' : ''} tokens`;
    const takeover = change.previousLeader ? ` It takes over from ${link(modelHref(change.previousLeader), change.previousLeader)}.` : ' It is the new #1.';
    return {
      id: tag(`rankings/${slice.id}/weekly/${week.start}`),
      title: `${demo ? '[Demo data] ' : ''}${sliceEntryTitle(change)}`,
      updated: `${addDays(week.end, 1)}T00:00:00Z`,
      links: [
        { href: url(modelHref(leader.permaslug)), rel: 'alternate', type: 'text/html' },
        { href: url(board), rel: 'related', type: 'text/html', title: sliceCardTitle(slice) },
      ],
      rights: attribution,
      contentHtml: [
        `<p>#1 in ${link(board, sliceCardTitle(slice))} over the week of ${escapeXml(formatRange(week.start, week.end))} (UTC): ${link(modelHref(leader.permaslug), leader.permaslug)} with ${tokens}, ${escapeXml(formatShare(leader.tokens, change.total))} of the slice's tokens that week.${takeover}</p>`,
        change.estimated ? '<p>Estimated: OpenRouter classifies a sample of the traffic and upsamples it, so these figures are weekly estimates, not counts.</p>' : '',
        citation
          ? `<p>${escapeXml(citation)} <a href="${LICENSE_URL}" rel="license">${escapeXml(LICENSE_LINE)}</a></p>`
          : `<p><strong>${escapeXml(DEMO_LABEL)}.</strong></p>`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  });
}

/** The feed entries of every slice's new #1 of its last completed week. */
export async function loadSliceFeedEntries({ siteUrl }: { siteUrl: string }): Promise<AtomEntry[]> {
  const weeks = await loadSliceWeeks();
  return sliceFeedEntries({ changes: sliceLeaderChanges(weeks.boards), siteUrl, source: weeks.source, asOf: weeks.asOf });
}
