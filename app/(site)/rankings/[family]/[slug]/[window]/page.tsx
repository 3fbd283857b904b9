import type { Metadata } from 'next';
import Link from 'next/link';
import { BoardFigures } from '@/components/models/board-figures';
import { WindowNav } from '@/components/models/window-nav';
import { EstimatedBadge } from '@/components/rankings/estimated-badge';
import { SliceTrendSection } from '@/components/rankings/slice-trend';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { boardTitle, figuresNote, loadSlicePage, slicePageMetadata, sliceOfParams, windowOfParam } from '@/lib/boards/slices/page';
import { FAMILY_LABELS, slicesOf } from '@/lib/boards/slices/slices';
import { sliceHref, slicesDownloadHref } from '@/lib/boards/slices/board';
import { sliceApiHref } from '@/lib/boards/slices/url';
import { SLICE_WINDOW_LABELS, windowNamesOf } from '@/lib/boards/slices/windows';
import { downloadHrefs } from '@/lib/downloads';
import '@/components/rankings/rankings.css';

// Reached through middleware.ts, which rewrites /rankings/<family>/<slug>?window=… here so each window is
// one ISR page; an unknown slice or window is its 404 before anything is fetched. Rendered on first visit.
export const revalidate = 60;

/** Ranks the page renders; the rest load on request from the board's JSON API (as on /models). */
const LEADERBOARD_HEAD = 20;

export function generateStaticParams() {
  return [];
}

interface PageProps {
  params: Promise<{ family: string; slug: string; window: string }>;
}

async function resolve(params: PageProps['params']) {
  const { family, slug, window } = await params;
  const slice = sliceOfParams(family, slug);
  return { slice, window: windowOfParam(slice, window) };
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slice, window } = await resolve(params);
  return slicePageMetadata(slice, window);
}

export default async function SliceBoardPage({ params }: PageProps) {
  const { slice, window } = await resolve(params);
  const { view, period, comparison, crumbs, structured } = await loadSlicePage(slice, window);
  const { board, trend, asOf, dataDay, source } = view;
  const est = slice.sampled ? 'estimated ' : '';
  const siblings = slicesOf(slice.family).filter((s) => s.id !== slice.id);
  return (
    <>
      <JsonLd nodes={structured} />
      <Breadcrumbs crumbs={crumbs} />
      <h1>
        {boardTitle(slice)}
        {slice.sampled ? <EstimatedBadge /> : null}
      </h1>
      <p className="slice-meaning">{slice.meaning}</p>
      <p className="muted">
        {figuresNote(slice)}. Shares are of the slice&apos;s own total{slice.sampled ? '; a week still running is never ranked' : ''}.
      </p>
      <Freshness dataDay={dataDay} asOf={asOf} />
      <WindowNav current={window} hrefFor={(w) => sliceHref(slice, w)} label="Time window" windows={windowNamesOf(slice)} labels={SLICE_WINDOW_LABELS} />

      <section aria-labelledby="board-heading" className="section">
        <h2 id="board-heading">
          Leaderboard, {SLICE_WINDOW_LABELS[window].long} ({period})
        </h2>
        <BoardFigures
          board={board}
          estimated={slice.sampled}
          caption={`Models by ${est}tokens, ${slice.label}, ${period} (UTC). Share of the slice's total including models outside each ${board.grain === 'week' ? "week's" : "day's"} top 50; ${comparison}.`}
          empty="No model figures are available for this window yet."
          rest={{ head: LEADERBOARD_HEAD, api: sliceApiHref(slice, window), href: slicesDownloadHref({ slice: slice.id, window }, 'csv') }}
        />
        <DownloadLinks hrefs={downloadHrefs((format) => slicesDownloadHref({ slice: slice.id, window }, format))} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
      </section>

      <section aria-labelledby="trend-heading" className="section">
        <h2 id="trend-heading">Weekly trend{slice.sampled ? ' (estimated)' : ''}</h2>
        <SliceTrendSection trend={trend} label={slice.label} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} caveat={false} />
      </section>

      <nav aria-labelledby="family-heading" className="section family-nav">
        <h2 id="family-heading">More {FAMILY_LABELS[slice.family].label.toLowerCase()}</h2>
        <ul>
          {siblings.map((s) => (
            <li key={s.id}>
              <Link href={sliceHref(s)} prefetch={false}>
                {s.label}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/rankings" prefetch={false}>
              All rankings →
            </Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
