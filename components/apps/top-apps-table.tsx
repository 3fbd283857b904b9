import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import type { AppsViewRow } from '@/lib/boards/apps/types';
import { formatCount } from '@/lib/format';
import { TableScroll } from '@/components/site/table-scroll';

export interface TopAppsTableProps {
  caption: string;
  rows: readonly AppsViewRow[];
}

/** A compact, server-rendered preview of an app ranking (the full, interactive one is on /apps). */
export function TopAppsTable({ caption, rows }: TopAppsTableProps) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <TableHead columns={[{ label: 'Rank', numeric: true }, { label: 'App' }, { label: 'Tokens', numeric: true }, { label: 'Requests', numeric: true, wide: true }]} />
        <tbody>
          {rows.map((row) => {
            const tokens = BigInt(row.tokens);
            return (
              <tr key={row.appId}>
                <td className="num">{row.rank}</td>
                <th scope="row">{row.appName}</th>
                <td className="num">
                  <TokenFigure tokens={tokens} />
                </td>
                <td className="num hide-narrow">{formatCount(row.requests)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
