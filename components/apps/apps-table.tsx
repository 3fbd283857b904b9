import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import { CATEGORY_INFO, SUBCATEGORY_NAMES } from '@/lib/boards/apps/labels';
import type { AppsView, AppsViewRow } from '@/lib/boards/apps/types';
import { formatBasisPoints, formatCount, formatRange, formatTokens } from '@/lib/format';
import { RankCell } from '@/components/site/rank-cell';
import { TableScroll } from '@/components/site/table-scroll';

/** "Popular apps by tokens, Oct 26 – Nov 24, 2026 (UTC), ranks 26–50 of 200": what the table shows, in words. */
export function appsCaption(view: AppsView): string {
  const { sort, category, subcategory, page, pageSize } = view.query;
  const group = subcategory ? SUBCATEGORY_NAMES[subcategory] : category ? CATEGORY_INFO[category].name : null;
  const apps = group ? `apps in ${group}` : 'apps';
  const title = sort === 'trending' ? `Trending ${apps} by token growth` : `Popular ${apps} by tokens`;
  const first = (page - 1) * pageSize + 1;
  const last = first + view.rows.length - 1;
  const ranks = last > first ? `ranks ${first}–${last}` : `rank ${first}`;
  return `${title}, ${formatRange(view.range.start, view.range.end)} (UTC), ${ranks} of ${view.totalRanked}`;
}

function NotAvailable() {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">not available</span>
    </>
  );
}

function AppsRow({ row, comparable }: { row: AppsViewRow; comparable: boolean }) {
  // Token figures arrive as exact decimal strings; BigInt keeps every digit (Number() would not).
  const tokens = BigInt(row.tokens);
  return (
    <tr>
      <RankCell rank={row.rank} movement={comparable ? row : null} />
      <th scope="row" className="app-cell">
        {row.appName}
      </th>
      <td className="num">
        <TokenFigure tokens={tokens} />
      </td>
      <td className="num">{formatBasisPoints(row.shareBp)}</td>
      <td className="num hide-narrow">{formatCount(row.requests)}</td>
      <td className="num hide-narrow">{row.tokensPerRequest === null ? <NotAvailable /> : formatTokens(BigInt(row.tokensPerRequest))}</td>
    </tr>
  );
}

function AppsTableHead() {
  return (
    <TableHead
      columns={[
        { label: 'Rank', numeric: true },
        { label: 'App' },
        { label: 'Tokens', numeric: true },
        { label: 'Share', numeric: true },
        { label: 'Requests', numeric: true, wide: true },
        { label: 'Tokens/request', numeric: true, wide: true },
      ]}
    />
  );
}

export interface AppsTableProps {
  view: AppsView;
}

/** One page of a view; the caption says which view, dates and ranks. */
export function AppsTable({ view }: AppsTableProps) {
  return (
    <TableScroll label={appsCaption(view)}>
      <table className="data-table">
        <caption>{appsCaption(view)}</caption>
        <AppsTableHead />
        <tbody>
          {view.rows.map((row) => (
            <AppsRow key={row.appId} row={row} comparable={view.comparable} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export interface AppsTableSkeletonProps {
  rows: number;
}

/** Placeholder rows of the table's final size, hidden from assistive tech (a status region says "Loading…"). */
export function AppsTableSkeleton({ rows }: AppsTableSkeletonProps) {
  return (
    <div className="table-scroll" aria-hidden="true">
      <table className="data-table apps-table--skeleton">
        <AppsTableHead />
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r} className="apps-skeleton-row">
              {Array.from({ length: 6 }, (_, c) => (
                <td key={c}>
                  <span className="apps-skeleton" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
