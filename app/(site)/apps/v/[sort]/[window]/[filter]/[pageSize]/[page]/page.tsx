import type { Metadata } from 'next';
import { AppsExplorer } from '@/components/apps/apps-explorer';
import { CategoryNav } from '@/components/apps/category-nav';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { CATEGORY_INFO, viewBasePath } from '@/lib/boards/apps/labels';
import { appsPageMetadata, appsQueryOf, loadAppsPage } from '@/lib/boards/apps/page';

// Reached through middleware.ts, which rewrites /apps[/<category>[/<subcategory>]]?sort=&window=&page=
// here, so each view and page is one ISR page; invalid values are a 404 before anything is fetched.
export const revalidate = 60;

export function generateStaticParams() {
  return [{ sort: 'popular', window: 'month', filter: 'all', pageSize: '25', page: '1' }];
}

interface PageProps {
  params: Promise<{ sort: string; window: string; filter: string; pageSize: string; page: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return appsPageMetadata(appsQueryOf(await params));
}

export default async function AppsPage({ params }: PageProps) {
  const q = appsQueryOf(await params);
  const { view, structured } = await loadAppsPage(q);
  return (
    <>
      <JsonLd nodes={structured} />
      <AppsExplorer initial={view} basePath={viewBasePath(q)}>
        {q.category && !q.subcategory ? <p className="muted">Apps for {CATEGORY_INFO[q.category].description}.</p> : null}
        <Freshness dataDay={view.dataDay} asOf={view.asOf} />
        <CategoryNav category={q.category} subcategory={q.subcategory} />
      </AppsExplorer>
    </>
  );
}
