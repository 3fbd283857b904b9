import { formatTimestamp } from './format';

/**
 * The wording of the attribution, browser-safe (the apps island prints the caveat); the citation line
 * itself, which names the operation's page, is lib/attribution.ts.
 */

export const LICENSE_LINE = 'Licensed under CC BY 4.0.';
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const DEMO_LABEL = 'Demo data — synthetic, not from OpenRouter';
/** Where a full line does not fit (a social card): the source and licence, the day shown beside it. */
export const CITATION_SHORT = 'Source: OpenRouter · CC BY 4.0';
export const TOKENIZER_CAVEAT =
  "Token counts come from each provider's own tokenizer, so a token of one model or app is not directly comparable to a token of another served by a different provider.";

export function asOfLabel(asOf: string): string {
  return formatTimestamp(asOf);
}
