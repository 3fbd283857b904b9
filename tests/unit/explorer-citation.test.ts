import type { AppsExplorerResult } from '@/lib/boards/apps/explore';
import { citationPreamble, explorerCitation } from '@/lib/staff/explorer/export';

function result(source: 'openrouter' | 'demo'): AppsExplorerResult {
  return {
    dataset: 'apps',
    source,
    asOf: '2026-11-25T00:00:00.000Z',
    dataDay: '2026-11-24',
    query: { dataset: 'apps', start: '2026-11-18', end: '2026-11-24', sort: 'popular' },
    listedTotal: 0n,
    rows: [],
  };
}

describe('explorer export citation', () => {
  it('carries the OpenRouter citation and the CC BY 4.0 licence for live figures', () => {
    expect(explorerCitation(result('openrouter'))).toEqual({
      source: 'Source: OpenRouter (openrouter.ai/apps), as of 2026-11-25T00:00:00.000Z.',
      license: 'CC BY 4.0',
      licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
      asOf: '2026-11-25T00:00:00.000Z',
    });
    expect(citationPreamble(result('openrouter'))).toEqual([
      'Source: OpenRouter (openrouter.ai/apps), as of 2026-11-25T00:00:00.000Z.',
      'Licensed under CC BY 4.0. https://creativecommons.org/licenses/by/4.0/',
    ]);
  });

  it('labels demo figures as synthetic, with neither OpenRouter’s name nor its licence', () => {
    expect(citationPreamble(result('demo'))).toEqual(['Demo data — synthetic, not from OpenRouter']);
    expect(explorerCitation(result('demo'))).toMatchObject({ license: null, licenseUrl: null });
  });
});
