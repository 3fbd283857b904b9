import type { AppsQuery } from '@/lib/boards/apps/types';
import { APPS_WINDOWS } from '@/lib/boards/apps/types';
import type { AppSort } from '@/lib/datasets/endpoints/app-rankings/values';
import { WINDOW_LABELS } from '@/lib/format';
import type { LinkTo } from './view-link';

const SORT_LABELS: Record<AppSort, string> = { popular: 'Popular', trending: 'Trending' };
const SORTS = Object.keys(SORT_LABELS) as AppSort[];

export interface AppsControlsProps {
  query: AppsQuery;
  linkTo: LinkTo;
}

/** Sort and window switches; both start the new view on page 1. */
export function AppsControls({ query, linkTo }: AppsControlsProps) {
  return (
    <div className="apps-controls">
      <nav aria-label="Sort" className="segmented">
        <ul>
          {SORTS.map((sort) => (
            <li key={sort}>
              <a {...linkTo({ ...query, sort, page: 1 })} aria-current={sort === query.sort ? 'page' : undefined}>
                {SORT_LABELS[sort]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Time window" className="segmented">
        <ul>
          {APPS_WINDOWS.map((window) => (
            <li key={window}>
              <a {...linkTo({ ...query, window, page: 1 })} aria-current={window === query.window ? 'page' : undefined}>
                {WINDOW_LABELS[window].short}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
