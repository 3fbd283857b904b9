import type { Metadata } from 'next';
import Link from 'next/link';
import { ModelProfileSections } from '@/components/models/model-profile';
import { WhereItRanks } from '@/components/rankings/where-it-ranks';
import { Citation } from '@/components/site/citation';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { loadModelPage, modelPageMetadata } from '@/lib/boards/model/page';
import { modelName } from '@/lib/model-name';
import { RANKINGS_PATH } from '@/lib/boards/slices/board';

// Rendered on first visit, then served from the ISR cache like every other data page.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

interface PageProps {
  params: Promise<{ permaslug: string[] }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return modelPageMetadata((await params).permaslug);
}

export default async function ModelPage({ params }: PageProps) {
  const { profile, asOf, dataDay, source, crumbs, structured, slices } = await loadModelPage((await params).permaslug);
  const name = modelName(profile.permaslug);
  return (
    <>
      <JsonLd nodes={structured} />
      <Breadcrumbs crumbs={crumbs} />
      <h1>
        {name.name}
        {name.variant ? <span className="badge badge--variant">{name.variant}</span> : null}
      </h1>
      <p className="muted">
        by <strong>{name.author}</strong> · <code className="slug">{profile.permaslug}</code>
      </p>
      <Freshness dataDay={dataDay} asOf={asOf} />
      <ModelProfileSections profile={profile} dataDay={dataDay} asOf={asOf} source={source} />
      {slices.period ? (
        <section aria-labelledby="slices-heading" className="section">
          <h2 id="slices-heading">Where it ranks</h2>
          <p className="muted">
            {`Rank and share of each board's tokens, ${slices.period} (UTC, the last completed week). `}
            <Link href={RANKINGS_PATH} prefetch={false}>All rankings →</Link>
          </p>
          <WhereItRanks ranks={slices.ranks} name={name.name} period={slices.period} />
          <Citation source="rankings-daily" dataSource={source} asOf={slices.asOf} caveat={false} />
        </section>
      ) : null}
    </>
  );
}
