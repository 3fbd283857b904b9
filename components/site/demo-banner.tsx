import { DEMO_LABEL } from '@/lib/citation';

/**
 * Shown on every page in demo mode, so no synthetic figure is ever taken for OpenRouter's. A landmark of
 * its own, so screen-reader users meet it among the page's regions rather than outside all of them.
 */
export function DemoBanner() {
  return (
    <aside className="demo-banner" aria-label="Demo data">
      <div role="note">
        <strong>{DEMO_LABEL}.</strong> Every figure on this site is made up, to show how Tokenboard works.
      </div>
    </aside>
  );
}
