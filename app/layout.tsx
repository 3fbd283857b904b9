import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/env';
import { siteOpenGraph } from '@/lib/og/metadata';
import { THEME_BOOT_SCRIPT } from '@/lib/theme';
import './globals.css';

export function generateMetadata(): Metadata {
  const { siteUrl, siteName } = getConfig();
  return {
    metadataBase: new URL(siteUrl),
    applicationName: siteName,
    title: { default: `${siteName} — AI model and app token rankings`, template: `%s — ${siteName}` },
    description:
      'Which AI models and apps use the most tokens, per UTC day: rankings, history and downloads from the OpenRouter Datasets API.',
    alternates: { types: { 'application/atom+xml': [{ url: '/feed.xml', title: `${siteName}: daily model rankings` }] } },
    openGraph: siteOpenGraph(),
    twitter: { card: 'summary_large_image' },
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1115' },
  ],
};

/** The document only: the site's header, footer and landmarks are the `(site)` group's layout, so `/embed/*` widgets can go without them. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot script may set data-theme before React hydrates: that attribute alone may differ.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
