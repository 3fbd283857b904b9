import { DEMO_LABEL } from '@/lib/citation';

/** Shown on every page in demo mode, so no synthetic figure is ever taken for OpenRouter's. */
export function DemoBanner() {
  return (
    <div className="demo-banner" role="note">
      <strong>{DEMO_LABEL}.</strong> Set <code>OPENROUTER_API_KEY</code> on the server to publish live figures.
    </div>
  );
}
