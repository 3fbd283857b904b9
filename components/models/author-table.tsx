'use client';

import { TableHead } from '@/components/site/table-head';
import { TableScroll } from '@/components/site/table-scroll';
import { TokenFigure } from '@/components/site/token-figure';
import { formatShare } from '@/lib/format';

export interface AuthorTableProps {
  caption: string;
  /** Display name and tokens, largest first. */
  rows: readonly { author: string; tokens: bigint }[];
  total: bigint;
}

/**
 * Tokens and share by model author. A client component only so that its rows travel in the page's payload
 * as a name and a number each rather than as markup; the HTML is the same server-rendered table.
 */
export function AuthorTable({ caption, rows, total }: AuthorTableProps) {
  return (
    <TableScroll label={caption}>
      <table className="data-table data-table--compact">
        <caption>{caption}</caption>
        <TableHead columns={[{ label: 'Author' }, { label: 'Tokens', numeric: true }, { label: 'Share', numeric: true }]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.author}>
              <th scope="row">{row.author}</th>
              <td className="num">
                <TokenFigure tokens={row.tokens} />
              </td>
              <td className="num">{formatShare(row.tokens, total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
