import type { Metadata } from 'next';
import { ArchiveMonths } from '@/components/models/archive-months';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Citation } from '@/components/site/citation';
import { Freshness } from '@/components/site/freshness';
import { archiveIndexMetadata, loadArchiveIndex } from '@/lib/boards/models/archive-page';
import { archiveHref, modelsHref } from '@/lib/routes';

// Like every data page: a new month appears with the first regeneration after its last day becomes the data day.
export const revalidate = 60;

export function generateMetadata(): Metadata {
  return archiveIndexMetadata();
}

export default async function ArchiveIndexPage() {
  const { months, asOf, dataDay, source } = await loadArchiveIndex();
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Models', path: modelsHref() },
          { name: 'Archive', path: archiveHref() },
        ]}
      />
      <h1>Monthly archive: top AI models by tokens</h1>
      <Freshness dataDay={dataDay} asOf={asOf} />
      <section aria-labelledby="months-heading" className="section">
        <h2 id="months-heading">Complete months</h2>
        <ArchiveMonths months={months} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
      </section>
    </>
  );
}
