import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedWidget } from '@/components/embed/embed-widget';
import { sliceHref, slicesEmbedOf, type SlicesEmbed } from '@/lib/boards/slices/board';
import { sliceCardTitle } from '@/lib/boards/slices/card';
import { sliceById } from '@/lib/boards/slices/slices';
import { loadSliceView } from '@/lib/boards/slices/view';
import { SLICE_WINDOW_LABELS } from '@/lib/boards/slices/windows';
import { getConfig } from '@/lib/env';
import { formatRange } from '@/lib/format';
import { modelLabel } from '@/lib/model-name';

// Reached through middleware.ts, which rewrites /embed/rankings?slice=&window=&top=&theme= here
// (lib/boards/slices/board.ts), so each widget is one ISR page: rendered on its first request (not at
// build, which would fetch slice histories), then served from the cache and regenerated like the pages.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

interface PageProps {
  params: Promise<{ family: string; slug: string; window: string; top: string; theme: string }>;
}

async function embedParam(params: PageProps['params']): Promise<SlicesEmbed> {
  const { family, slug, ...rest } = await params;
  const embed = slicesEmbedOf({ slice: `${family}/${slug}`, ...rest });
  if (!embed) notFound();
  return embed;
}

function heading(embed: SlicesEmbed): string {
  const slice = sliceById(embed.slice)!;
  return `Top ${embed.top} AI models by ${slice.sampled ? 'estimated ' : ''}tokens, ${sliceCardTitle(slice)}, ${SLICE_WINDOW_LABELS[embed.window].long.replace(/^the /, '')}`;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const embed = await embedParam(params);
  return {
    title: heading(embed),
    // A widget for other sites' pages: the full page is the one to index.
    robots: { index: false },
    alternates: { canonical: sliceHref(sliceById(embed.slice)!, embed.window) },
  };
}

export default async function SliceEmbedPage({ params }: PageProps) {
  const embed = await embedParam(params);
  const slice = sliceById(embed.slice)!;
  const view = await loadSliceView(slice, embed.window);
  // Only before the data's first completed week: the window has no days yet.
  if (!view) notFound();
  const { board, source, dataDay, asOf } = view;
  const { siteUrl, siteName } = getConfig();
  return (
    <EmbedWidget
      theme={embed.theme}
      caption={`${heading(embed)} (${formatRange(board.range.start, board.range.end)}, UTC)`}
      nameLabel="Model"
      tokensLabel={slice.sampled ? 'Est. tokens' : 'Tokens'}
      rows={board.rows.slice(0, embed.top).map((row) => ({ rank: row.rank, name: modelLabel(row.permaslug), tokens: row.tokens }))}
      source="rankings-daily"
      dataSource={source}
      dataDay={dataDay}
      asOf={asOf}
      fullHref={`${siteUrl}${sliceHref(slice, embed.window)}`}
      fullLabel={`Full board on ${siteName} ↗`}
    />
  );
}
