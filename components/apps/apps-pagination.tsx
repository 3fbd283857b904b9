import { useId } from 'react';
import { APPS_PAGE_SIZES, type AppsQuery } from '@/lib/boards/apps/types';
import type { LinkTo } from './view-link';

export interface AppsPaginationProps {
  query: AppsQuery;
  /** Pages in the view on screen (at least 1). */
  pageCount: number;
  linkTo: LinkTo;
}

/** Previous / numbered pages / Next, and the page size (which starts again at page 1). */
export function AppsPagination({ query, pageCount, linkTo }: AppsPaginationProps) {
  const sizeLabelId = useId();
  const lastPage = Math.max(1, pageCount);
  const { page } = query;
  const pages = Array.from({ length: lastPage }, (_, i) => i + 1);
  return (
    <nav aria-label="Pagination" className="apps-pagination">
      <ul className="apps-pagination__pages">
        <li>
          {page > 1 ? (
            // From past the end, "Previous" goes back to the last real page.
            <a {...linkTo({ ...query, page: Math.min(page - 1, lastPage) })} rel="prev">
              Previous
            </a>
          ) : (
            <span aria-disabled="true">Previous</span>
          )}
        </li>
        {pages.map((n) => (
          // On a phone only the first, last and neighbouring pages show: the rest would wrap the row.
          <li key={n} className={Math.abs(n - page) > 1 && n !== 1 && n !== lastPage ? 'apps-pagination__far' : undefined}>
            <a {...linkTo({ ...query, page: n })} aria-current={n === page ? 'page' : undefined}>
              <span className="visually-hidden">Page </span>
              {n}
            </a>
          </li>
        ))}
        <li>
          {page < lastPage ? (
            <a {...linkTo({ ...query, page: page + 1 })} rel="next">
              Next
            </a>
          ) : (
            <span aria-disabled="true">Next</span>
          )}
        </li>
      </ul>
      <div className="apps-pagination__size">
        <span id={sizeLabelId}>Rows per page</span>
        <ul aria-labelledby={sizeLabelId}>
          {APPS_PAGE_SIZES.map((pageSize) => (
            <li key={pageSize}>
              <a {...linkTo({ ...query, pageSize, page: 1 })} aria-current={pageSize === query.pageSize ? 'true' : undefined}>
                {pageSize}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
