/**
 * Dark mode on or off. Plain markup: the behaviour is the root layout's inline script (lib/theme.ts),
 * which sets `aria-pressed` from the effective theme before React hydrates, hence the suppressed
 * hydration warning for this one element.
 */
export function ThemeToggle() {
  return (
    <button type="button" className="theme-toggle" aria-pressed="false" data-theme-toggle="" suppressHydrationWarning>
      <span aria-hidden="true" className="theme-toggle__icon" /> <span className="theme-toggle__label">Dark mode</span>
    </button>
  );
}
