import Link from 'next/link';
import { sliceHref } from '@/lib/boards/slices/board';
import type { SliceRank } from '@/lib/boards/slices/rows';
import { FAMILY_LABELS, SLICE_FAMILIES } from '@/lib/boards/slices/slices';
import { formatBasisPoints } from '@/lib/format';
import './rankings.css';

/**
 * A model's rank and share on every slice board that ranks it (last completed week), by family, each
 * linking to its board. A list, not a table: up to 24 entries on a page a phone loads, each sent twice
 * (HTML and React's payload), so each is one link and one line of text.
 */
export function WhereItRanks({ ranks, name, period }: { ranks: readonly SliceRank[]; name: string; period: string }) {
  if (ranks.length === 0) return <p>{name} is not in the top 50 of any use case, language, context length or modality for {period}.</p>;
  return (
    <dl className="where-ranks">
      {SLICE_FAMILIES.map((family) => {
        const inFamily = ranks.filter((r) => r.slice.family === family);
        if (inFamily.length === 0) return null;
        return [
          <dt key={`${family}-t`}>{`${FAMILY_LABELS[family].label}${inFamily[0]!.estimated ? ' (estimated)' : ''}`}</dt>,
          <dd key={`${family}-d`}>
            <ul>
              {inFamily.map((r) => (
                <li key={r.slice.id}>
                  <Link href={sliceHref(r.slice)} prefetch={false}>
                    {r.slice.label}
                  </Link>
                  {` #${r.rank} of ${r.ranked} · ${formatBasisPoints(r.shareBp)}`}
                </li>
              ))}
            </ul>
          </dd>,
        ];
      })}
    </dl>
  );
}
