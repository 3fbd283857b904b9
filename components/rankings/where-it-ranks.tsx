import Link from 'next/link';
import { TableHead } from '@/components/site/table-head';
import { TableScroll } from '@/components/site/table-scroll';
import { FAMILY_LABELS } from '@/lib/boards/slices/slices';
import type { SliceRank } from '@/lib/boards/slices/rows';
import { sliceHref } from '@/lib/boards/slices/board';
import { formatBasisPoints } from '@/lib/format';
import { EstimatedBadge } from './estimated-badge';
import './rankings.css';

/** A model's rank and share on every slice board that ranks it (last completed week), linking to each board. */
export function WhereItRanks({ ranks, name, period }: { ranks: readonly SliceRank[]; name: string; period: string }) {
  if (ranks.length === 0) return <p>{name} is not in the top 50 of any use case, language, context length or modality for {period}.</p>;
  const caption = `Where ${name} ranks by use case, language, context length and modality, ${period} (UTC)`;
  return (
    <TableScroll label={caption}>
      <table className="data-table data-table--compact">
        <caption>{caption}</caption>
        <TableHead
          columns={[{ label: 'Board' }, { label: 'Rank', numeric: true }, { label: 'Share of the board', numeric: true }]}
        />
        <tbody>
          {ranks.map((r) => (
            <tr key={r.slice.id}>
              <th scope="row" className="model-cell">
                <Link href={sliceHref(r.slice)} prefetch={false}>
                  {r.slice.label}
                </Link>
                {r.estimated ? <EstimatedBadge /> : null}
                <span className="model-cell__author">{FAMILY_LABELS[r.slice.family].singular}</span>
              </th>
              <td className="num">
                {r.rank} <span className="muted">of {r.ranked}</span>
              </td>
              <td className="num">{formatBasisPoints(r.shareBp)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
