import type { Metadata } from 'next';
import Link from 'next/link';
import { BoardFigures } from '@/components/models/board-figures';
import { AuthorShareSection, DailyStackSection, Top50ShareSection } from '@/components/models/model-charts';
import { WindowNav } from '@/components/models/window-nav';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { modelsDownloadHref } from '@/lib/boards/models/board';
import { loadWindowPage, windowOf, windowPageMetadata } from '@/lib/boards/models/page';
import { downloadHrefs } from '@/lib/downloads';
import { formatRange, WINDOW_LABELS } from '@/lib/format';
import { archiveHref, modelsApiHref, modelsHref } from '@/lib/routes';
import { WINDOW_NAMES } from '@/lib/utc-day';

// Reached through middleware.ts, which rewrites /models?window=… here so each window is one ISR page.
// Content changes once per data day; a revalidation in between re-reads the data layer's cache only.
export const revalidate = 60;
export const dynamicParams = false;

/**
 * Ranks the page renders; the rest load on request (every rendered row is sent twice: HTML and payload).
 * Twenty, as a phone's first screens hold them, and within the page's 60 kB.
 */
const LEADERBOARD_HEAD = 20;

export function generateStaticParams() {
  return WINDOW_NAMES.map((window) => ({ window }));
}

interface PageProps {
  params: Promise<{ window: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return windowPageMetadata(windowOf((await params).window));
}

export default async function ModelsPage({ params }: PageProps) {
  const window = windowOf((await params).window);
  const { history, asOf, source, board, chartRange, period, comparison, structured, dataDay } = await loadWindowPage(window);

  return (
    <>
      <JsonLd nodes={structured} />
      <h1>Top AI models by tokens</h1>
      <Freshness dataDay={dataDay} asOf={asOf} />
      <WindowNav current={window} hrefFor={modelsHref} label="Time window" />

      {/* The story first, as on openrouter.ai/rankings: who grew and who shrank over the window. */}
      <section aria-labelledby="stack-heading" className="section">
        <h2 id="stack-heading">Daily tokens, {formatRange(chartRange.start, chartRange.end)}</h2>
        <DailyStackSection history={history} range={chartRange} topN={10} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} caveat={false} />
      </section>

      <section aria-labelledby="board-heading" className="section">
        <h2 id="board-heading">
          Leaderboard, {WINDOW_LABELS[window].long} ({period})
        </h2>
        <BoardFigures
          board={board}
          caption={`Models by tokens, ${period} (UTC). Share of all tokens including models outside the daily top 50; ${comparison}.`}
          empty="No model figures are available for this window yet."
          rest={{ head: LEADERBOARD_HEAD, api: modelsApiHref(window), href: modelsDownloadHref({ window }, 'csv') }}
        />
        <DownloadLinks hrefs={downloadHrefs((format) => modelsDownloadHref({ window }, format))} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
      </section>

      <div className="grid-2">
        <section aria-labelledby="authors-heading" className="section">
          <h2 id="authors-heading">Market share by author</h2>
          <AuthorShareSection history={history} range={board.range} />
        </section>
        <section aria-labelledby="top50-heading" className="section">
          <h2 id="top50-heading">How concentrated is usage?</h2>
          <Top50ShareSection history={history} range={chartRange} />
        </section>
      </div>
      <p>
        <Link href={archiveHref()} prefetch={false}>Monthly archive →</Link>
        <br />
        <Link href="/rankings" prefetch={false}>Rankings by use case, language, context length and modality →</Link>
      </p>
      <Citation source="rankings-daily" dataSource={source} asOf={asOf} caveat={false} />
    </>
  );
}
