import type { ReactNode } from 'react';

export interface TableScrollProps {
  /** The table's caption: names the scroll region for screen readers. */
  label: string;
  children: ReactNode;
}

/**
 * A wide table's horizontal scroll box. Focusable and named, so keyboard users can scroll it with the
 * arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable) on a phone-width screen.
 */
export function TableScroll({ label, children }: TableScrollProps) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
