import Link from 'next/link';
import { FAMILY_LABELS, SLICE_FAMILIES, type Slice } from '@/lib/boards/slices/slices';
import type { SliceLeaderboard, SliceLeaderboardRow } from '@/lib/boards/slices/rows';
import { sliceHref } from '@/lib/boards/slices/board';
import { formatBasisPoints } from '@/lib/format';
import { modelHref } from '@/lib/routes';
import { modelLabel } from '@/lib/model-name';
import { EstimatedBadge } from './estimated-badge';
import './rankings.css';

export interface HubBoard {
  slice: Slice;
  board: SliceLeaderboard | null;
  summary: { leader: SliceLeaderboardRow | null; top: SliceLeaderboardRow[] } | null;
}

/**
 * Every board at a glance, by family in the order a reader expects: its leader and first five, with links.
 * 120 model links on one page, each sent twice (HTML and React's payload): each is a link and a share,
 * nothing more (a board's meaning is on its own page).
 */
export function HubBoards({ boards }: { boards: readonly HubBoard[] }) {
  return (
    <>
      {SLICE_FAMILIES.map((family) => (
        <section key={family} id={family} aria-labelledby={`${family}-heading`} className="section">
          <h2 id={`${family}-heading`}>{FAMILY_LABELS[family].label}</h2>
          <ul className="board-cards">
            {boards
              .filter(({ slice }) => slice.family === family)
              .map(({ slice, summary }) => (
                <li key={slice.id} className="board-card">
                  <h3>
                    <Link href={sliceHref(slice)} prefetch={false}>
                      {slice.label}
                    </Link>
                    {slice.sampled ? <EstimatedBadge /> : null}
                  </h3>
                  {summary && summary.top.length > 0 ? (
                    <ol className="board-card__top">
                      {summary.top.map((row) => (
                        <li key={row.rank}>
                          <Link href={modelHref(row.permaslug)} prefetch={false}>
                            {modelLabel(row.permaslug)}
                          </Link>
                          <span>{formatBasisPoints(row.shareBp)}</span>
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p>No model figures for this week yet.</p>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
