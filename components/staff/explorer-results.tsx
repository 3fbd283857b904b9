import type { ReactNode } from 'react';
import { AppsTable } from '@/components/apps/apps-table';
import { DailyStackSection } from '@/components/models/model-charts';
import { ModelCells } from '@/components/models/model-cells';
import { Citation } from '@/components/site/citation';
import { Freshness } from '@/components/site/freshness';
import { Stat } from '@/components/site/stat';
import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import { CATEGORY_INFO, SUBCATEGORY_NAMES } from '@/lib/boards/apps/labels';
import { APPS_MAX_RANKS } from '@/lib/boards/apps/types';
import { formatCount, formatRange, formatShare } from '@/lib/format';
import { BOARDS, type ExplorerDataset } from '@/lib/boards';
import { appsTableView, type AppsExplorerResult } from '@/lib/boards/apps/explore';
import type { ModelsExplorerResult } from '@/lib/boards/models/explore';
import type { SlicesExplorerResult } from '@/lib/boards/slices/explore';
import { FAMILY_LABELS, sliceById } from '@/lib/boards/slices/slices';
import type { ExplorerResult } from '@/lib/boards/server';
import { explorerExportHref } from '@/lib/staff/explorer/query';
import { daysInclusive } from '@/lib/utc-day';
import './explorer.css';

/** How each board's results read: a title, the figures, and what follows the downloads. */
interface ResultsView<R> {
  title(result: R): string;
  Figures(props: { result: R }): ReactNode;
  After?(props: { result: R }): ReactNode;
}

const VIEWS: { [Id in ExplorerDataset]: ResultsView<Extract<ExplorerResult, { dataset: Id }>> } = {
  models: {
    title: (result) => `Models by tokens, ${formatRange(result.query.start, result.query.end)} (UTC)`,
    Figures: ModelsResults,
    After: ModelsDaily,
  },
  apps: {
    title: (result) => {
      const { sort, category, subcategory } = result.query;
      const group = subcategory ? SUBCATEGORY_NAMES[subcategory] : category ? CATEGORY_INFO[category].name : null;
      return `${sort === 'trending' ? 'Trending' : 'Popular'} ${group ? `apps in ${group}` : 'apps'}, ${formatRange(result.query.start, result.query.end)} (UTC)`;
    },
    Figures: AppsResults,
  },
  slices: {
    title: (result) => {
      const slice = sliceById(result.query.slice)!;
      return `Models by ${result.estimated ? 'estimated ' : ''}tokens, ${FAMILY_LABELS[slice.family].singular.toLowerCase()} ${slice.label}, ${formatRange(result.range.start, result.range.end)} (UTC)`;
    },
    Figures: SlicesResults,
  },
};

export interface ExplorerResultsProps {
  result: ExplorerResult;
}

export function ExplorerResults({ result }: ExplorerResultsProps) {
  const view = VIEWS[result.dataset] as ResultsView<ExplorerResult>;
  const { Figures, After } = view;
  return (
    <>
      <section className="section explorer-results" aria-labelledby="explorer-results-heading">
        <h2 id="explorer-results-heading">{view.title(result)}</h2>
        <Freshness dataDay={result.dataDay} asOf={result.asOf} />
        <Figures result={result} />
        <Citation source={BOARDS[result.dataset].endpoint} dataSource={result.source} asOf={result.asOf} />
        <nav aria-label="Download these figures" className="explorer-downloads">
          <ul>
            <li>
              <a href={explorerExportHref(result.query, 'csv')} download className="explorer-download">
                Download CSV
              </a>
            </li>
            <li>
              <a href={explorerExportHref(result.query, 'json')} download className="explorer-download">
                Download JSON
              </a>
            </li>
          </ul>
        </nav>
      </section>
      {After ? <After result={result} /> : null}
    </>
  );
}

function ModelsDaily({ result }: ModelsResultsProps) {
  if (result.daysCovered === 0) return null;
  return (
    <section className="section" aria-labelledby="explorer-daily-heading">
      <h2 id="explorer-daily-heading">Daily tokens, {formatRange(result.query.start, result.query.end)}</h2>
      <DailyStackSection history={result.history} range={result.query} topN={10} />
    </section>
  );
}

interface ModelsResultsProps {
  result: ModelsExplorerResult;
}

function ModelsResults({ result }: ModelsResultsProps) {
  const { query, total, other } = result;
  if (result.daysCovered === 0) return <p className="explorer-note">No model figures were reported for this window.</p>;
  return (
    <>
      <dl className="stats">
        <Stat label="All tokens">
          <TokenFigure tokens={total} />
        </Stat>
        <Stat label="Top-50 share">{formatShare(total - other, total)}</Stat>
        <Stat label="Models ranked">{formatCount(result.rows.length)}</Stat>
        <Stat label="Days covered">
          {formatCount(result.daysCovered)} of {formatCount(daysInclusive(query.start, query.end))}
        </Stat>
      </dl>
      <ModelTotalsTable result={result} />
    </>
  );
}

interface ModelTotalsTableProps {
  result: ModelsExplorerResult;
}

/**
 * The public leaderboard's table without its comparison columns: an arbitrary window has no
 * "previous window" the explorer pays to fetch, and an empty Change column would read as "unchanged".
 */
function ModelTotalsTable({ result }: ModelTotalsTableProps) {
  const { query, total, other } = result;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          Models by tokens, {formatRange(query.start, query.end)} (UTC). A model&apos;s tokens count the days it was in that
          day&apos;s top 50; shares are of all tokens, including every day&apos;s long tail (other).
        </caption>
        <TableHead
          columns={[
            { label: 'Rank', numeric: true },
            { label: 'Model' },
            { label: 'Tokens', numeric: true },
            { label: 'Share', numeric: true },
          ]}
        />
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.permaslug}>
              <td className="num">{row.rank}</td>
              <ModelCells permaslug={row.permaslug} tokens={row.tokens} total={total} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="num">
              <span aria-hidden="true">–</span>
              <span className="visually-hidden">not ranked</span>
            </td>
            <th scope="row">
              Everything else (other) <span className="model-cell__author">outside each day&apos;s top 50</span>
            </th>
            <td className="num">
              <TokenFigure tokens={other} />
            </td>
            <td className="num">{formatShare(other, total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

interface SlicesResultsProps {
  result: SlicesExplorerResult;
}

function SlicesResults({ result }: SlicesResultsProps) {
  const { range, total, other, grain } = result;
  if (result.bucketsCovered === 0) return <p className="explorer-note">No model figures were reported for this slice and window.</p>;
  const unit = grain === 'week' ? 'Weeks' : 'Days';
  const expected = grain === 'week' ? daysInclusive(range.start, range.end) / 7 : daysInclusive(range.start, range.end);
  return (
    <>
      {result.estimated ? (
        <p className="explorer-note">
          Estimated: OpenRouter classifies a sample of the traffic and upsamples it, so these are weekly estimates, not counts
          {range.start !== result.query.start || range.end !== result.query.end ? `, over the whole weeks inside the window` : ''}.
        </p>
      ) : null}
      <dl className="stats">
        <Stat label={result.estimated ? 'All tokens (estimated)' : 'All tokens'}>
          <TokenFigure tokens={total} />
        </Stat>
        <Stat label="Top-50 share">{formatShare(total - other, total)}</Stat>
        <Stat label="Models ranked">{formatCount(result.rows.length)}</Stat>
        <Stat label={`${unit} covered`}>
          {formatCount(result.bucketsCovered)} of {formatCount(expected)}
        </Stat>
      </dl>
      <div className="table-scroll">
        <table className="data-table">
          <caption>
            Models by {result.estimated ? 'estimated ' : ''}tokens, {formatRange(range.start, range.end)} (UTC). A model&apos;s tokens
            count the {grain === 'week' ? 'weeks' : 'days'} it was in that {grain}&apos;s top 50; shares are of all the slice&apos;s
            tokens, including the long tail (other).
          </caption>
          <TableHead
            columns={[
              { label: 'Rank', numeric: true },
              { label: 'Model' },
              { label: 'Tokens', numeric: true },
              { label: 'Share', numeric: true },
            ]}
          />
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.permaslug}>
                <td className="num">{row.rank}</td>
                <ModelCells permaslug={row.permaslug} tokens={row.tokens} total={total} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td className="num">
                <span aria-hidden="true">–</span>
                <span className="visually-hidden">not ranked</span>
              </td>
              <th scope="row">
                Everything else (other) <span className="model-cell__author">outside each {grain}&apos;s top 50</span>
              </th>
              <td className="num">
                <TokenFigure tokens={other} />
              </td>
              <td className="num">{formatShare(other, total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

interface AppsResultsProps {
  result: AppsExplorerResult;
}

function AppsResults({ result }: AppsResultsProps) {
  const ranked = result.rows.length;
  if (ranked === 0) {
    return (
      <p className="explorer-note">
        {result.query.sort === 'trending' ? 'No app grew in this window.' : 'No app was ranked in this window.'}
      </p>
    );
  }
  return (
    <>
      <dl className="stats">
        <Stat label="Apps ranked">{formatCount(ranked)}</Stat>
        <Stat label="Listed tokens">
          <TokenFigure tokens={result.listedTotal} />
        </Stat>
      </dl>
      {result.query.sort === 'trending' && ranked < APPS_MAX_RANKS ? (
        <p className="explorer-note">
          Only {ranked} {ranked === 1 ? 'app' : 'apps'} grew in this window.
        </p>
      ) : null}
      <AppsTable view={appsTableView(result)} />
    </>
  );
}
