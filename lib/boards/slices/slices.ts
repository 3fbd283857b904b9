import {
  isSampledFilter,
  type Category,
  type ContextBucket,
  type LanguageType,
  type Modality,
  type SliceFilter,
} from '../../datasets/endpoints/rankings-daily/values';

/**
 * The 24 slices of the model rankings that `rankings-daily` filters serve, as data: the use-case,
 * language, context-length and modality boards (issue 16). Browser-safe and zod-free, so a page, the
 * middleware and a client island can all look a slice up; an address that names none is a 404 before
 * anything is fetched.
 */

export const SLICE_FAMILIES = ['use-case', 'language', 'context', 'modality'] as const;
export type SliceFamily = (typeof SLICE_FAMILIES)[number];

export const FAMILY_LABELS: Readonly<Record<SliceFamily, { label: string; singular: string }>> = {
  'use-case': { label: 'Use cases', singular: 'Use case' },
  language: { label: 'Languages', singular: 'Language' },
  context: { label: 'Context length', singular: 'Context length' },
  modality: { label: 'Modalities', singular: 'Modality' },
};

/** The one `rankings-daily` filter a slice sends, with the upstream's own value. */
export type UpstreamFilter = { category: Category } | { languageType: LanguageType } | { contextBucket: ContextBucket } | { modality: Modality };

export type SliceId = `${SliceFamily}/${string}`;

export interface Slice {
  /** `use-case/marketing-seo`: the family and slug, as in the board's path. */
  id: SliceId;
  family: SliceFamily;
  /** The last path segment: lowercase, no slash (`marketing/seo` is `marketing-seo`). */
  slug: string;
  label: string;
  /** What the slice holds, in one sentence. */
  meaning: string;
  filter: UpstreamFilter;
  /** Figures are upsampled weekly estimates from a sample of the traffic (category, languageType), not counts. */
  sampled: boolean;
}

function slice(family: SliceFamily, slug: string, label: string, meaning: string, filter: UpstreamFilter): Slice {
  const [name] = Object.keys(filter) as [SliceFilter];
  return { id: `${family}/${slug}`, family, slug, label, meaning, filter, sampled: isSampledFilter(name) };
}

const usecase = (slug: string, category: Category, label: string, meaning: string) => slice('use-case', slug, label, meaning, { category });
const language = (slug: string, languageType: LanguageType, label: string, meaning: string) => slice('language', slug, label, meaning, { languageType });
const context = (slug: string, contextBucket: ContextBucket, meaning: string) => slice('context', slug, `${contextBucket} context`, meaning, { contextBucket });
const modality = (slug: string, value: Modality, label: string, meaning: string) => slice('modality', slug, label, meaning, { modality: value });

/** In the order a reader expects: use cases (as openrouter.ai/rankings lists them), languages, context length, modalities. */
export const SLICES: readonly Slice[] = [
  usecase('programming', 'programming', 'Programming', 'Requests classified as programming: writing, reviewing and debugging code.'),
  usecase('roleplay', 'roleplay', 'Roleplay', 'Requests classified as roleplay: characters, interactive fiction and companion chats.'),
  usecase('marketing', 'marketing', 'Marketing', 'Requests classified as marketing: copy, campaigns, product and brand content.'),
  usecase('marketing-seo', 'marketing/seo', 'Marketing: SEO', 'The search part of marketing: SEO copy, keywords and page optimisation.'),
  usecase('technology', 'technology', 'Technology', 'Requests classified as technology: software, hardware, IT and the tech industry.'),
  usecase('science', 'science', 'Science', 'Requests classified as science: research questions and explanations across the sciences.'),
  usecase('translation', 'translation', 'Translation', 'Requests classified as translation: text rendered from one language into another.'),
  usecase('legal', 'legal', 'Legal', 'Requests classified as legal: contracts, law, regulation and compliance.'),
  usecase('finance', 'finance', 'Finance', 'Requests classified as finance: markets, accounting, investing and personal finance.'),
  usecase('health', 'health', 'Health', 'Requests classified as health: medicine, fitness, nutrition and wellbeing.'),
  usecase('trivia', 'trivia', 'Trivia', 'Requests classified as trivia: general-knowledge questions and quick facts.'),
  usecase('academia', 'academia', 'Academia', 'Requests classified as academia: study, coursework and scholarly writing.'),
  language('natural', 'natural', 'Natural languages', 'Requests whose prompts are written in a human language such as English or Chinese.'),
  language('programming', 'programming', 'Programming languages', 'Requests whose prompts are written in a programming language such as Python or SQL.'),
  context('1k', '1K', 'Requests whose context length falls in the 1K bucket, the shortest prompts.'),
  context('10k', '10K', 'Requests whose context length falls in the 10K bucket.'),
  context('100k', '100K', 'Requests whose context length falls in the 100K bucket.'),
  context('1m', '1M', 'Requests whose context length falls in the 1M bucket.'),
  context('10m', '10M', 'Requests whose context length falls in the 10M bucket, the longest contexts.'),
  modality('text', 'text', 'Text', 'Requests whose output is text.'),
  modality('image-input', 'image', 'Image input', 'Requests that send one or more images as input.'),
  modality('image-output', 'image_output', 'Image output', 'Requests whose output is an image.'),
  modality('audio-input', 'audio', 'Audio input', 'Requests that send audio as input.'),
  modality('tool-calling', 'tool_calling', 'Tool calling', 'Requests that recorded at least one tool call.'),
];

// A Map, not an object: `valueOf` or `__proto__` must name no slice.
const BY_ID: ReadonlyMap<string, Slice> = new Map(SLICES.map((s) => [s.id, s]));

export function isSliceFamily(value: string): value is SliceFamily {
  return (SLICE_FAMILIES as readonly string[]).includes(value);
}

/** The slice at `/rankings/<family>/<slug>`, or null (a 404 with no upstream call). Exact spelling only. */
export function sliceOf(family: string, slug: string): Slice | null {
  return BY_ID.get(`${family}/${slug}`) ?? null;
}

/** `context/1m` → the 1M context slice; null for anything else. */
export function sliceById(id: string): Slice | null {
  return BY_ID.get(id) ?? null;
}

export function slicesOf(family: SliceFamily): Slice[] {
  return SLICES.filter((s) => s.family === family);
}

/** The board's page: `/rankings/use-case/marketing-seo`. */
export function slicePath(s: Pick<Slice, 'family' | 'slug'>): string {
  return `/rankings/${s.family}/${s.slug}`;
}

/** The slice's filter as the request names it and the upstream's value: `['category', 'marketing/seo']`, `['contextBucket', '1M']`. */
export function filterEntry(s: Pick<Slice, 'filter'>): [SliceFilter, string] {
  return Object.entries(s.filter)[0] as [SliceFilter, string];
}
