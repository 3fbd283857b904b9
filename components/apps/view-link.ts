import type { MouseEvent } from 'react';
import type { AppsQuery } from '@/lib/boards/apps/types';

/** What every control of the explorer spreads onto its `<a>`: a real URL, and a click handler that keeps the page. */
export interface ViewLinkProps {
  href: string;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
}

export type LinkTo = (query: AppsQuery) => ViewLinkProps;

/** Modified clicks (new tab, new window, download) and other buttons are left to the browser. */
export function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.defaultPrevented && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
