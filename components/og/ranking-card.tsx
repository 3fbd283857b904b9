import { ImageResponse } from 'next/og';
import { BrandMark } from '@/components/og/brand-mark';
import { CITATION_SHORT, DEMO_LABEL } from '@/lib/citation';
import { SITE_NAME } from '@/lib/env';
import { formatTokensCompact } from '@/lib/format';
import { CARD_ROWS, OG_IMAGE_SIZE, type RankingCardData, type RankingCardRow } from '@/lib/og/card-data';

export type RankingCardProps = RankingCardData;

// The light theme of app/globals.css: a shared card has no colour scheme to follow.
const COLORS = {
  bg: '#ffffff',
  surface: '#f6f7f9',
  text: '#14171f',
  muted: '#4b5263',
  accent: '#2f4fc4',
  bar: '#dfe5fa',
  warnBg: '#fff4d6',
  warnText: '#4a3500',
  warnBorder: '#e0b84a',
} as const;

/** Each row's bar as a share of the largest total, in tenths of a percent, computed in bigint. */
function barWidths(rows: readonly RankingCardRow[]): string[] {
  const totals = rows.map((row) => BigInt(row.tokens));
  const max = totals.reduce((a, b) => (b > a ? b : a), 0n);
  return totals.map((tokens) => `${max > 0n ? Number((tokens * 1000n) / max) / 10 : 0}%`);
}

/** `Demo data — synthetic, not from OpenRouter` → `DEMO DATA` + `— synthetic, not from OpenRouter`. */
function DemoLabel() {
  const [head = DEMO_LABEL, ...rest] = DEMO_LABEL.split(' — ');
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        background: COLORS.warnBg,
        color: COLORS.warnText,
        border: `3px solid ${COLORS.warnBorder}`,
        borderRadius: 12,
        padding: '10px 20px',
        fontSize: 30,
      }}
    >
      <span style={{ fontSize: 34, letterSpacing: 1, marginRight: 14 }}>{head.toUpperCase()}</span>
      {rest.length > 0 ? <span>— {rest.join(' — ')}</span> : null}
    </div>
  );
}

/**
 * A ranking as a social card (1200×630): site name, title, window and date, the top five with their
 * token totals, and OpenRouter's citation — or, for synthetic figures, the demo label in its place.
 * Drawn by next/og (satori) with its bundled font: every element with children is a flex box.
 */
export function RankingCard({ title, subtitle, rows, demo, ranked = true }: RankingCardProps) {
  const shown = rows.slice(0, CARD_ROWS);
  const widths = barWidths(shown);
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: COLORS.bg,
        color: COLORS.text,
        padding: '40px 60px 36px',
        fontSize: 30,
      }}
    >
      <div style={{ display: 'flex', flexShrink: 0, alignItems: 'center', justifyContent: 'space-between' }}>
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <BrandMark size={44} />
          <span style={{ marginLeft: 16, fontSize: 32, color: COLORS.text }}>{SITE_NAME}</span>
        </div>
        <span style={{ fontSize: 24, color: COLORS.muted }}>AI token rankings, per UTC day</span>
      </div>
      <div style={{ display: 'block', flexShrink: 0, marginTop: 20, fontSize: 50, lineHeight: 1.1, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
        {title}
      </div>
      <div style={{ display: 'flex', flexShrink: 0, marginTop: 8, fontSize: 28, color: COLORS.muted }}>{subtitle}</div>
      <div style={{ display: 'flex', flexDirection: 'column', marginTop: 20, flexGrow: 1 }}>
        {shown.length === 0 ? (
          <div style={{ display: 'flex', color: COLORS.muted }}>No figures for this window yet.</div>
        ) : (
          shown.map((row, i) => (
            <div
              key={`${i}-${row.name}`}
              style={{ display: 'flex', position: 'relative', alignItems: 'center', height: 50, marginBottom: 6, borderRadius: 8, background: COLORS.surface }}
            >
              <div style={{ display: 'flex', position: 'absolute', left: 0, top: 0, bottom: 0, width: widths[i], background: COLORS.bar, borderRadius: 8 }} />
              {ranked ? <span style={{ display: 'flex', flexShrink: 0, width: 64, justifyContent: 'flex-end', color: COLORS.muted }}>{i + 1}</span> : null}
              <span style={{ display: 'block', flexGrow: 1, flexShrink: 1, minWidth: 0, marginLeft: 22, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
                {row.name}
              </span>
              <span style={{ display: 'flex', flexShrink: 0, marginLeft: 24, marginRight: 22, color: COLORS.accent }}>{formatTokensCompact(BigInt(row.tokens))}</span>
            </div>
          ))
        )}
      </div>
      <div style={{ display: 'flex', flexShrink: 0, alignItems: 'center', marginTop: 12 }}>
        {demo ? <DemoLabel /> : <span style={{ fontSize: 26, color: COLORS.muted }}>{CITATION_SHORT}</span>}
      </div>
    </div>
  );
}

/** The card as the PNG a route answers with (opengraph-image files and the /og/* routes alike). */
export function rankingCardImage(props: RankingCardProps): ImageResponse {
  const image = new ImageResponse(<RankingCard {...props} />, { ...OG_IMAGE_SIZE });
  // ImageResponse says `max-age=0, must-revalidate`, which keeps shared caches (deploy/nginx.conf) from
  // holding the card; without it Next sends the route's ISR Cache-Control, the same as the pages'.
  image.headers.delete('cache-control');
  return image;
}
