import type { ReactNode } from 'react';

export interface StatProps {
  label: ReactNode;
  children: ReactNode;
  /** For values that are permaslugs: monospace, wrapped anywhere. */
  slug?: boolean;
}

/** One headline figure of a `<dl className="stats">`. */
export function Stat({ label, children, slug = false }: StatProps) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={slug ? 'stat-slug' : undefined}>{children}</dd>
    </div>
  );
}
