import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedWidget } from '@/components/embed/embed-widget';
import { DEFAULT_APPS_QUERY, type AppsQuery } from '@/lib/boards/apps/types';
import { appsHref } from '@/lib/boards/apps/url';
import { getAppsView } from '@/lib/boards/apps/view';
import { appsEmbedOf, type AppsEmbed } from '@/lib/boards/apps/board';
import { DEFAULT_EMBED } from '@/lib/boards/board';
import { getConfig } from '@/lib/env';
import { formatRange } from '@/lib/format';
import { windowPhrase } from '@/lib/og/card-data';

// Reached through middleware.ts, which rewrites /embed/apps?sort=&window=&top=&theme= here (lib/boards/apps/board.ts),
// so each widget is one ISR page: rendered once, then served from the cache and regenerated like the pages.
export const revalidate = 60;

export function generateStaticParams() {
  return [{ sort: DEFAULT_EMBED.sort, window: DEFAULT_EMBED.window, top: String(DEFAULT_EMBED.top), theme: DEFAULT_EMBED.theme }];
}

interface PageProps {
  params: Promise<{ sort: string; window: string; top: string; theme: string }>;
}

async function embedParam(params: PageProps['params']): Promise<AppsEmbed> {
  const embed = appsEmbedOf(await params);
  if (!embed) notFound();
  return embed;
}

/** The unfiltered view's first page, large enough for `top` rows: the same cached upstream request as /apps. */
function viewQuery(embed: AppsEmbed): AppsQuery {
  return { sort: embed.sort, window: embed.window, category: null, subcategory: null, page: 1, pageSize: embed.top > 25 ? 50 : 25 };
}

/** The full ranking on this site (its default page size, whatever `top` is). */
const fullPath = (embed: AppsEmbed) => appsHref('/apps', { sort: embed.sort, window: embed.window, page: 1, pageSize: DEFAULT_APPS_QUERY.pageSize });

const heading = (embed: AppsEmbed) =>
  `${embed.sort === 'trending' ? `${embed.top} trending apps` : `Top ${embed.top} apps by tokens`}, ${windowPhrase(embed.window).toLowerCase()}`;

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const embed = await embedParam(params);
  return {
    title: heading(embed),
    // A widget for other sites' pages: the full page is the one to index.
    robots: { index: false },
    alternates: { canonical: fullPath(embed) },
  };
}

export default async function AppsEmbedPage({ params }: PageProps) {
  const embed = await embedParam(params);
  const view = await getAppsView(viewQuery(embed));
  const { siteUrl, siteName } = getConfig();
  return (
    <EmbedWidget
      theme={embed.theme}
      caption={`${heading(embed)} (${formatRange(view.range.start, view.range.end)}, UTC)`}
      nameLabel="App"
      rows={view.rows.slice(0, embed.top).map((row) => ({ rank: row.rank, name: row.appName, tokens: BigInt(row.tokens) }))}
      source="app-rankings"
      dataSource={view.source}
      dataDay={view.dataDay}
      asOf={view.asOf}
      fullHref={`${siteUrl}${fullPath(embed)}`}
      fullLabel={`All app rankings on ${siteName} ↗`}
    />
  );
}
