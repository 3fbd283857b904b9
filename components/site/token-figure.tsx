import { formatTokens, formatTokensCompact } from '@/lib/format';

export interface TokenFigureProps {
  tokens: bigint;
}

/** A token total as a short figure (`1.2T`), with the exact count a hover or screen reader away. */
export function TokenFigure({ tokens }: TokenFigureProps) {
  return <abbr title={`${formatTokens(tokens)} tokens`}>{formatTokensCompact(tokens)}</abbr>;
}
