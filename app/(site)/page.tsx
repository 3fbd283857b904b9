import type { Metadata } from 'next';
import { HomeSections } from '@/components/home/home-sections';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { homeMetadata, loadHomePage } from '@/lib/boards/home';

// Content changes once per data day; a revalidation in between re-reads the data layer's cache only,
// and one that fails throws, so the last good page stays.
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  return homeMetadata();
}

export default async function HomePage() {
  const home = await loadHomePage();
  return (
    <>
      <JsonLd nodes={home.structured} />
      <h1>Which AI models use the most tokens</h1>
      <Freshness dataDay={home.dataDay} asOf={home.asOf} />
      <HomeSections {...home} />
    </>
  );
}
