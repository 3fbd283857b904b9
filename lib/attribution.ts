import type { DataSource } from './datasets/client';
import { ENDPOINTS, type Endpoint } from './datasets/endpoints';

/**
 * The citation every published figure carries (CC BY 4.0): figures are cited by the upstream operation
 * they come from, whose spec names the page of openrouter.ai. Server code only: the specs hold zod.
 */
export type CitationSource = Endpoint;

/** `openrouter.ai/apps`: the page the attribution of an operation's figures names. */
export function citationSite(source: CitationSource): string {
  return ENDPOINTS[source].citation;
}

/** The exact citation line, or null for demo figures (which must never carry OpenRouter's name). */
export function citationLine(source: CitationSource, dataSource: DataSource, asOf: string): string | null {
  if (dataSource === 'demo') return null;
  return `Source: OpenRouter (${citationSite(source)}), as of ${asOf}.`;
}
