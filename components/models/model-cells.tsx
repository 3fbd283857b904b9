import Link from 'next/link';
import { TokenFigure } from '@/components/site/token-figure';
import { formatShare } from '@/lib/format';
import { modelName } from '@/lib/model-name';
import { modelHref } from '@/lib/routes';

/** "Gemini 2.5 Flash" with its author under it and a `free` badge for variants; the permaslug stays in the link. */
export function ModelNameCell({ permaslug }: { permaslug: string }) {
  const { name, author, variant } = modelName(permaslug);
  return (
    <th scope="row" className="model-cell">
      <Link href={modelHref(permaslug)} prefetch={false} title={permaslug}>
        {name}
      </Link>
      {variant ? <span className="badge badge--variant">{variant}</span> : null}
      <span className="model-cell__author">{author}</span>
    </th>
  );
}

export interface ModelCellsProps {
  permaslug: string;
  tokens: bigint;
  /** The denominator of the share column. */
  total: bigint;
}

/** The cells every model table shares: the model (the row's header, linked, with its author), tokens and share. */
export function ModelCells({ permaslug, tokens, total }: ModelCellsProps) {
  return (
    <>
      <ModelNameCell permaslug={permaslug} />
      <td className="num">
        <TokenFigure tokens={tokens} />
      </td>
      <td className="num">{formatShare(tokens, total)}</td>
    </>
  );
}
