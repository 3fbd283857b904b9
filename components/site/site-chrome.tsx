import type { ReactNode } from 'react';
import { DemoBanner } from '@/components/site/demo-banner';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getConfig } from '@/lib/env';

/**
 * Skip link, header, demo label, main landmark and footer around every page of the site. Not part of the
 * root layout because `/embed/*` widgets render inside other sites' iframes without any of it; the root
 * not-found and forbidden pages, which render outside the `(site)` group, wrap themselves in it.
 */
export function SiteChrome({ children }: { children: ReactNode }) {
  const demo = getConfig().mode === 'demo';
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      {demo ? <DemoBanner /> : null}
      <main id="main" className="container">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
