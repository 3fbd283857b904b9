import type { Endpoint } from './endpoints';

/**
 * Every cache key and tag is spelled here, derived from the endpoint, the exact upstream query and
 * the data day — never inline elsewhere.
 */

/** One upstream request, canonically: equal requests have equal keys whatever the parameter order. */
export function requestKey(endpoint: Endpoint, query: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
  return `${endpoint}?${params.toString()}`;
}

export const TAGS = {
  /** Everything derived from one data day's figures. */
  dataDay: (day: string) => `data-day:${day}`,
  /** Everything derived from one endpoint. */
  dataset: (endpoint: Endpoint) => `dataset:${endpoint}`,
} as const;
