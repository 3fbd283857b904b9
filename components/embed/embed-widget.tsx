import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import type { CitationSource } from '@/lib/attribution';
import { DEMO_LABEL, LICENSE_LINE, LICENSE_URL } from '@/lib/citation';
import { citationLine } from '@/lib/attribution';
import type { DataSource } from '@/lib/datasets/client';
import type { EmbedTheme } from '@/lib/boards/board';
import { formatDay } from '@/lib/format';
import './embed.css';

export interface EmbedRow {
  rank: number;
  name: string;
  tokens: bigint;
}

export interface EmbedWidgetProps {
  theme: EmbedTheme;
  caption: string;
  /** Header of the name column: `Model` or `App`. */
  nameLabel: string;
  /** Header of the figures column: `Tokens`, or `Est. tokens` where the figures are estimates. */
  tokensLabel?: string;
  rows: readonly EmbedRow[];
  source: CitationSource;
  dataSource: DataSource;
  dataDay: string;
  asOf: string;
  /** Absolute URL of the full ranking on this site, and its link text. */
  fullHref: string;
  fullLabel: string;
}

/**
 * A ranking to show inside another site's iframe: the table, its window and data day, the citation (or
 * the demo label) and a link to the full page — and nothing of the site's chrome. `light`/`dark` pin the
 * colour scheme on the widget's own root; `auto` follows the visitor's system. Links leave the frame.
 */
export function EmbedWidget({ theme, caption, nameLabel, tokensLabel = 'Tokens', rows, source, dataSource, dataDay, asOf, fullHref, fullLabel }: EmbedWidgetProps) {
  const citation = citationLine(source, dataSource, asOf);
  return (
    <main className="embed" data-theme={theme === 'auto' ? undefined : theme}>
      {dataSource === 'demo' ? (
        <p className="embed__demo" role="note">
          <strong>{DEMO_LABEL}.</strong>
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table data-table--compact">
          <caption>{caption}</caption>
          <TableHead columns={[{ label: 'Rank', numeric: true }, { label: nameLabel }, { label: tokensLabel, numeric: true }]} />
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.rank}-${row.name}`}>
                <td className="num">{row.rank}</td>
                <th scope="row">{row.name}</th>
                <td className="num">
                  <TokenFigure tokens={row.tokens} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="embed__meta">No figures are available for this window yet.</p> : null}
      {/* One short block, so the suggested 400 × 360 frame holds it: the full page carries the tokenizer caveat. */}
      <p className="embed__meta">
        <span className="muted">
          Data through <time dateTime={dataDay}>{formatDay(dataDay)}</time> (UTC).
        </span>{' '}
        {citation ? (
          <>
            {citation}{' '}
            <a href={LICENSE_URL} rel="license" target="_blank">
              {LICENSE_LINE}
            </a>
          </>
        ) : null}
      </p>
      <p className="embed__attribution">
        <a href={fullHref} target="_blank" rel="noopener">
          {fullLabel}
        </a>
      </p>
    </main>
  );
}
