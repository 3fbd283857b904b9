import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, CONTEXT_BUCKETS, LANGUAGE_TYPES, MODALITIES } from '@/lib/datasets/endpoints/rankings-daily/values';
import { resolveRankingsDailyQuery } from '@/lib/datasets/endpoints/rankings-daily';
import { filterEntry, isSliceFamily, SLICE_FAMILIES, SLICES, sliceById, sliceOf, slicePath, slicesOf } from '@/lib/boards/slices/slices';

/** The addresses the issue names, spelled out by hand. */
const ISSUE_PATHS = [
  ...['programming', 'roleplay', 'marketing', 'marketing-seo', 'technology', 'science', 'translation', 'legal', 'finance', 'health', 'trivia', 'academia'].map(
    (slug) => `/rankings/use-case/${slug}`,
  ),
  '/rankings/language/natural',
  '/rankings/language/programming',
  ...['1k', '10k', '100k', '1m', '10m'].map((slug) => `/rankings/context/${slug}`),
  ...['text', 'image-input', 'image-output', 'audio-input', 'tool-calling'].map((slug) => `/rankings/modality/${slug}`),
];

describe('SLICES', () => {
  it('are the 24 boards of the issue, in the order a reader expects', () => {
    expect(SLICES.map(slicePath)).toEqual(ISSUE_PATHS);
    expect(SLICES.map((s) => s.family)).toEqual([...Array(12).fill('use-case'), 'language', 'language', ...Array(5).fill('context'), ...Array(5).fill('modality')]);
    expect(SLICE_FAMILIES.flatMap((family) => slicesOf(family))).toEqual(SLICES);
  });

  it('filter each upstream value exactly once, with the upstream`s own spelling', () => {
    const values = (name: string) => SLICES.flatMap((s) => (filterEntry(s)[0] === name ? [filterEntry(s)[1]] : []));
    expect(values('category')).toEqual([...CATEGORIES]);
    expect(values('languageType')).toEqual([...LANGUAGE_TYPES]);
    expect(values('contextBucket')).toEqual([...CONTEXT_BUCKETS]);
    expect(values('modality')).toEqual([...MODALITIES]);
    expect(sliceOf('use-case', 'marketing-seo')?.filter).toEqual({ category: 'marketing/seo' });
    expect(sliceOf('modality', 'image-input')?.filter).toEqual({ modality: 'image' });
    expect(sliceOf('modality', 'tool-calling')?.filter).toEqual({ modality: 'tool_calling' });
    expect(sliceOf('context', '1m')?.filter).toEqual({ contextBucket: '1M' });
  });

  it('are sampled exactly when the upstream publishes weekly estimates (use cases and languages)', () => {
    expect(SLICES.filter((s) => s.sampled).map((s) => s.family)).toEqual([...Array(12).fill('use-case'), 'language', 'language']);
    // The upstream's own rule, through the request spec: a sampled filter refuses daily figures.
    for (const slice of SLICES) {
      const daily = () => resolveRankingsDailyQuery({ startDate: '2026-11-01', endDate: '2026-11-07', period: 'day', ...slice.filter }, '2026-11-24', new Date('2026-11-25T12:00:00Z'));
      if (slice.sampled) expect(daily).toThrow(/period/);
      else expect(daily).not.toThrow();
    }
  });

  it('have unique ids and slugs that are lowercase path segments, a label and a one-sentence meaning', () => {
    expect(new Set(SLICES.map((s) => s.id)).size).toBe(24);
    for (const slice of SLICES) {
      expect(slice.id).toBe(`${slice.family}/${slice.slug}`);
      expect(slice.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slice.label.length).toBeGreaterThan(0);
      expect(slice.meaning).toMatch(/^[A-Z][^.]*\.$/);
    }
  });
});

describe('sliceOf', () => {
  it('round-trips every path', () => {
    for (const path of ISSUE_PATHS) {
      const [, , family, slug] = path.split('/');
      const slice = sliceOf(family!, slug!);
      expect(slice && slicePath(slice)).toBe(path);
      expect(sliceById(`${family}/${slug}`)).toBe(slice);
    }
  });

  it.each([
    ['use-case', 'marketing/seo'], // the upstream value, not the slug
    ['use-case', 'marketing%2Fseo'],
    ['use-case', 'Programming'],
    ['context', '1K'],
    ['context', '1k '],
    ['modality', 'image'],
    ['modality', 'tool_calling'],
    ['language', 'english'],
    ['languages', 'natural'],
    ['model', 'programming'],
    ['use-case', ''],
    ['', ''],
    ['use-case', 'valueOf'],
    ['use-case', '__proto__'],
    ['constructor', 'name'],
  ])('answers null for %p / %p (a 404)', (family, slug) => {
    expect(sliceOf(family, slug)).toBeNull();
  });

  it('keeps a slug per family: programming is both a use case and a language', () => {
    expect(sliceOf('use-case', 'programming')?.filter).toEqual({ category: 'programming' });
    expect(sliceOf('language', 'programming')?.filter).toEqual({ languageType: 'programming' });
    expect(sliceById('programming')).toBeNull();
  });

  it('knows its families', () => {
    expect(SLICE_FAMILIES.every(isSliceFamily)).toBe(true);
    expect(['use-cases', 'toString', 'Context', ''].some(isSliceFamily)).toBe(false);
  });
});

describe('lib/boards/slices', () => {
  it('is browser-safe but for its server half: no server-only module, no zod, only types from the endpoint specs', () => {
    const dir = path.join(__dirname, '../../lib/boards/slices');
    const sources = readdirSync(dir).map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
    // The server half (the loader and the views built on it) says so on its first line; nothing else reaches the data layer.
    const server = sources.filter(({ text }) => text.startsWith("import 'server-only';"));
    expect(server.map(({ file }) => file)).toEqual(['card.ts', 'explore.ts', 'feed.ts', 'files.ts', 'history.ts', 'page.ts', 'sitemap.ts', 'view.ts']);
    expect(sources.filter(({ text }) => /from '[^']*(?:data-layer|datasets\/client)'/.test(text)).map(({ file }) => file)).toEqual(['explore.ts', 'feed.ts', 'history.ts', 'sitemap.ts']);
    // view-requests.ts is middleware's (server-side, no data layer): it spells request keys with the endpoint spec.
    const middleware = ['view-requests.ts'];
    const imports = sources.filter((s) => !server.includes(s) && !middleware.includes(s.file)).flatMap(({ file, text }) =>
      [...text.matchAll(/^import (type )?[^;]*? from '([^']+)';$/gms)].map(([, type, from]) => ({ file, type: Boolean(type), from: from! })),
    );
    expect(imports.length).toBeGreaterThan(0);
    const values = imports.filter((i) => !i.type).map((i) => `${i.file}: ${i.from}`);
    expect(values.filter((i) => /zod|server-only|datasets\/(client|cache|quota)|endpoints(\/rankings-daily)?$|data-layer/.test(i))).toEqual([]);
  });
});
