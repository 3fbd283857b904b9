import { LICENSE_LINE, LICENSE_URL, TOKENIZER_CAVEAT } from '@/lib/citation';
import { citationLine, type CitationSource } from '@/lib/attribution';
import type { DataSource } from '@/lib/datasets/client';

export interface CitationProps {
  source: CitationSource;
  dataSource: DataSource;
  asOf: string;
  /** Show the tokenizer caveat: wherever totals of different models or apps are compared. */
  caveat?: boolean;
}

/** The attribution under every published figure: the required citation and licence, or the demo label. */
export function Citation({ source, dataSource, asOf, caveat = true }: CitationProps) {
  const line = citationLine(source, dataSource, asOf);
  return (
    <div className="citation">
      {line ? (
        <p>
          {line}{' '}
          <a href={LICENSE_URL} rel="license">
            {LICENSE_LINE}
          </a>
        </p>
      ) : (
        <p>Synthetic demo figures: there is no source to cite.</p>
      )}
      {caveat ? <p className="muted">{TOKENIZER_CAVEAT}</p> : null}
    </div>
  );
}
