'use client';

import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY } from '@/lib/theme';

/**
 * Dark mode on or off. The site follows `prefers-color-scheme` until someone chooses here; the choice is
 * kept in localStorage and applied before first paint by the root layout's inline script
 * (`<html data-theme>`). Choosing what the system already prefers forgets the choice, so the site
 * follows the system again.
 */
const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  listeners.add(onChange);
  media.addEventListener('change', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    media.removeEventListener('change', onChange);
    window.removeEventListener('storage', onChange);
  };
}

function stored(): 'light' | 'dark' | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): follow the system
  }
}

function isDark(): boolean {
  return (stored() ?? (window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light')) === 'dark';
}

function choose(dark: boolean): void {
  const systemDark = window.matchMedia(DARK_QUERY).matches;
  try {
    if (dark === systemDark) window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, dark ? 'dark' : 'light');
  } catch {
    // not persisted, still applied to this page
  }
  if (dark === systemDark) delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  listeners.forEach((listener) => listener());
}

export function ThemeToggle() {
  // null on the server and in the first client render: the theme is only known in the browser.
  const dark = useSyncExternalStore(subscribe, isDark, () => null);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark ?? false}
      disabled={dark === null}
      onClick={() => choose(!dark)}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark mode
    </button>
  );
}
