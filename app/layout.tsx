import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DemoBanner } from '@/components/site/demo-banner';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getConfig } from '@/lib/env';
import './globals.css';

export function generateMetadata(): Metadata {
  const { siteUrl, siteName } = getConfig();
  return {
    metadataBase: new URL(siteUrl),
    title: { default: `${siteName} — AI model and app token rankings`, template: `%s — ${siteName}` },
    description:
      'Which AI models and apps use the most tokens, per UTC day: rankings, history and downloads from the OpenRouter Datasets API.',
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1115' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const demo = getConfig().mode === 'demo';
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        {demo ? <DemoBanner /> : null}
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
