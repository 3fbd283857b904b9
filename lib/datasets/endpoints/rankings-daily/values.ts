/**
 * The values `rankings-daily` accepts for its grain and slices, without zod, so browser code can import
 * them. `modality` and `contextBucket` slice the exact dataset (daily counts, combinable);
 * `category` and `languageType` slice a sampled, upsampled one (weekly estimates, one at a time).
 */
export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export const MODALITIES = ['text', 'image', 'image_output', 'audio', 'tool_calling'] as const;
export type Modality = (typeof MODALITIES)[number];

export const CONTEXT_BUCKETS = ['1K', '10K', '100K', '1M', '10M'] as const;
export type ContextBucket = (typeof CONTEXT_BUCKETS)[number];

export const CATEGORIES = [
  'programming',
  'roleplay',
  'marketing',
  'marketing/seo',
  'technology',
  'science',
  'translation',
  'legal',
  'finance',
  'health',
  'trivia',
  'academia',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LANGUAGE_TYPES = ['natural', 'programming'] as const;
export type LanguageType = (typeof LANGUAGE_TYPES)[number];

export const EXACT_FILTERS = ['modality', 'contextBucket'] as const;
export const SAMPLED_FILTERS = ['category', 'languageType'] as const;
export type SliceFilter = (typeof EXACT_FILTERS)[number] | (typeof SAMPLED_FILTERS)[number];

/** Each filter's upstream query parameter. */
export const FILTER_PARAMS: Readonly<Record<SliceFilter, string>> = {
  modality: 'modality',
  contextBucket: 'context_bucket',
  category: 'category',
  languageType: 'language_type',
};

/** Sampled figures exist per week only: they default to `week` and refuse `day`. */
export const SAMPLED_PERIODS = ['week', 'month'] as const satisfies readonly Period[];

export function isSampledFilter(filter: SliceFilter): boolean {
  return (SAMPLED_FILTERS as readonly string[]).includes(filter);
}

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);

export const isPeriod = isOneOf(PERIODS);
export const isModality = isOneOf(MODALITIES);
export const isContextBucket = isOneOf(CONTEXT_BUCKETS);
export const isCategory = isOneOf(CATEGORIES);
export const isLanguageType = isOneOf(LANGUAGE_TYPES);
