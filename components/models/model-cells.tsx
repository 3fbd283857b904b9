import Link from 'next/link';
import { TokenFigure } from '@/components/site/token-figure';
import { formatShare } from '@/lib/format';
import { modelHref } from '@/lib/routes';

export interface ModelCellsProps {
  permaslug: string;
  author: string;
  tokens: bigint;
  /** The denominator of the share column. */
  total: bigint;
}

/** The cells every model table shares: the model (the row's header, linked), its author, tokens and share. */
export function ModelCells({ permaslug, author, tokens, total }: ModelCellsProps) {
  return (
    <>
      <th scope="row" className="slug">
        <Link href={modelHref(permaslug)} prefetch={false}>
          {permaslug}
        </Link>
      </th>
      <td className="hide-narrow">{author}</td>
      <td className="num">
        <TokenFigure tokens={tokens} />
      </td>
      <td className="num">{formatShare(tokens, total)}</td>
    </>
  );
}
