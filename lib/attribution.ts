import { DEMO_LABEL, LICENSE_LINE, LICENSE_URL } from './citation';
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

export interface Attribution {
  /** The required citation line, or the demo label for synthetic figures. */
  citation: string;
  /** OpenRouter's licence; null for demo figures, which are not OpenRouter's. */
  license: { text: string; url: string } | null;
}

/** What a JSON answer, a download or a table carries beside the figures. */
export function attribution(source: CitationSource, dataSource: DataSource, asOf: string): Attribution {
  const citation = citationLine(source, dataSource, asOf);
  return { citation: citation ?? DEMO_LABEL, license: citation ? { text: LICENSE_LINE, url: LICENSE_URL } : null };
}
