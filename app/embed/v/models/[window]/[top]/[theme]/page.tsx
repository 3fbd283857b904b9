import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedWidget } from '@/components/embed/embed-widget';
import { DEFAULT_EMBED } from '@/lib/boards/board';
import { modelsEmbedOf, type ModelsEmbed } from '@/lib/boards/models/board';
import { getConfig } from '@/lib/env';
import { formatRange } from '@/lib/format';
import { getModelHistory } from '@/lib/boards/models/history';
import { windowPhrase } from '@/lib/og/card-data';
import { computeLeaderboard } from '@/lib/rankings/leaderboard';
import { modelsHref } from '@/lib/routes';
import { modelLabel } from '@/lib/model-name';

// Reached through middleware.ts, which rewrites /embed/models?window=&top=&theme= here (lib/boards/models/board.ts), so
// each widget is one ISR page: rendered once, then served from the cache and regenerated like the pages.
export const revalidate = 60;

export function generateStaticParams() {
  return [{ window: DEFAULT_EMBED.window, top: String(DEFAULT_EMBED.top), theme: DEFAULT_EMBED.theme }];
}

interface PageProps {
  params: Promise<{ window: string; top: string; theme: string }>;
}

async function embedParam(params: PageProps['params']): Promise<ModelsEmbed> {
  const embed = modelsEmbedOf(await params);
  if (!embed) notFound();
  return embed;
}

const heading = (embed: ModelsEmbed) => `Top ${embed.top} AI models by tokens, ${windowPhrase(embed.window).toLowerCase()}`;

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const embed = await embedParam(params);
  return {
    title: heading(embed),
    // A widget for other sites' pages: the full page is the one to index.
    robots: { index: false },
    alternates: { canonical: modelsHref(embed.window) },
  };
}

export default async function ModelsEmbedPage({ params }: PageProps) {
  const embed = await embedParam(params);
  const { history, asOf, dataDay, source } = await getModelHistory();
  const board = computeLeaderboard(history, embed.window, dataDay);
  const { siteUrl, siteName } = getConfig();
  return (
    <EmbedWidget
      theme={embed.theme}
      caption={`${heading(embed)} (${formatRange(board.range.start, board.range.end)}, UTC)`}
      nameLabel="Model"
      rows={board.rows.slice(0, embed.top).map((row) => ({ rank: row.rank, name: modelLabel(row.permaslug), tokens: row.tokens }))}
      source="rankings-daily"
      dataSource={source}
      dataDay={dataDay}
      asOf={asOf}
      fullHref={`${siteUrl}${modelsHref(embed.window)}`}
      fullLabel={`Full leaderboard on ${siteName} ↗`}
    />
  );
}
