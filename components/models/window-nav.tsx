import Link from 'next/link';
import { WINDOW_LABELS } from '@/lib/format';
import { WINDOW_NAMES, type WindowName } from '@/lib/utc-day';

export interface WindowNavProps<W extends string> {
  current: W;
  /** Builds the URL of a window, e.g. `/models?window=week`. */
  hrefFor: (window: W) => string;
  label: string;
  /** The windows offered and their short labels: the models board's by default. */
  windows?: readonly W[];
  labels?: Readonly<Record<W, { short: string }>>;
}

/** Real links (crawlable, shareable), not buttons: the window lives in the URL. */
export function WindowNav<W extends string = WindowName>({
  current,
  hrefFor,
  label,
  windows = WINDOW_NAMES as readonly string[] as readonly W[],
  labels = WINDOW_LABELS as Readonly<Record<string, { short: string }>>,
}: WindowNavProps<W>) {
  return (
    <nav aria-label={label} className="segmented">
      <ul>
        {windows.map((window) => (
          <li key={window}>
            <Link href={hrefFor(window)} aria-current={window === current ? 'page' : undefined} prefetch={false}>
              {labels[window].short}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
