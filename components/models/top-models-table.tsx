import { formatShare, formatTokens, formatTokensCompact } from '@/lib/format';
import type { RankedModel } from '@/lib/rankings/day-summary';

export interface TopModelsTableProps {
  caption: string;
  models: readonly RankedModel[];
  /** The denominator for shares: the day's total including the `other` row. */
  total: bigint;
}

export function TopModelsTable({ caption, models, total }: TopModelsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Model</th>
            <th scope="col" className="hide-narrow">
              Author
            </th>
            <th scope="col" className="num">
              Tokens
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <tr key={model.permaslug}>
              <td className="num">{model.rank}</td>
              <th scope="row" className="slug">
                {model.permaslug}
              </th>
              <td className="hide-narrow">{model.author}</td>
              <td className="num">
                <abbr title={`${formatTokens(model.tokens)} tokens`}>{formatTokensCompact(model.tokens)}</abbr>
              </td>
              <td className="num">{formatShare(model.tokens, total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
