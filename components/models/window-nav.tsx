import Link from 'next/link';
import { WINDOW_LABELS } from '@/lib/format';
import { WINDOW_NAMES, type WindowName } from '@/lib/utc-day';

export interface WindowNavProps {
  current: WindowName;
  /** Builds the URL of a window, e.g. `/models?window=week`. */
  hrefFor: (window: WindowName) => string;
  label: string;
}

/** Real links (crawlable, shareable), not buttons: the window lives in the URL. */
export function WindowNav({ current, hrefFor, label }: WindowNavProps) {
  return (
    <nav aria-label={label} className="segmented">
      <ul>
        {WINDOW_NAMES.map((window) => (
          <li key={window}>
            <Link href={hrefFor(window)} aria-current={window === current ? 'page' : undefined} prefetch={false}>
              {WINDOW_LABELS[window].short}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
