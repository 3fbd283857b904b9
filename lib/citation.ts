import type { DataSource } from './datasets/client';
import { ENDPOINTS, type Endpoint } from './datasets/endpoints';
import { formatTimestamp } from './format';

/** Figures are cited by the upstream operation they come from (its spec names the page of openrouter.ai). */
export type CitationSource = Endpoint;

/** `openrouter.ai/apps`: the page the attribution of an operation's figures names (CC BY 4.0). */
export function citationSite(source: CitationSource): string {
  return ENDPOINTS[source].citation;
}

export const LICENSE_LINE = 'Licensed under CC BY 4.0.';
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const DEMO_LABEL = 'Demo data — synthetic, not from OpenRouter';
/** Where a full line does not fit (a social card): the source and licence, the day shown beside it. */
export const CITATION_SHORT = 'Source: OpenRouter · CC BY 4.0';
export const TOKENIZER_CAVEAT =
  "Token counts come from each provider's own tokenizer, so a token of one model or app is not directly comparable to a token of another served by a different provider.";

/** The exact citation line, or null for demo figures (which must never carry OpenRouter's name). */
export function citationLine(source: CitationSource, dataSource: DataSource, asOf: string): string | null {
  if (dataSource === 'demo') return null;
  return `Source: OpenRouter (${citationSite(source)}), as of ${asOf}.`;
}

export function asOfLabel(asOf: string): string {
  return formatTimestamp(asOf);
}
