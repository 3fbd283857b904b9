import type { ReactNode } from 'react';

export interface StatProps {
  label: ReactNode;
  children: ReactNode;
  /** For values that are names rather than figures: smaller, wrapped between words. */
  name?: boolean;
}

/** One headline figure of a `<dl className="stats">`. */
export function Stat({ label, children, name = false }: StatProps) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={name ? 'stat-name' : undefined}>{children}</dd>
    </div>
  );
}
