import { isUnknownModel, reportKnownModels } from '@/lib/known-models';
import { modelPageSlug } from '@/middleware';

describe('modelPageSlug (middleware)', () => {
  it('reads the permaslug of a model page, decoded', () => {
    expect(modelPageSlug('/models/openai/gpt-4o')).toBe('openai/gpt-4o');
    expect(modelPageSlug('/models/deepseek/deepseek-chat-v3.1%3Afree')).toBe('deepseek/deepseek-chat-v3.1:free');
    expect(modelPageSlug('/models/openai/gpt-4o/')).toBe('openai/gpt-4o');
    expect(modelPageSlug('/models/openai')).toBe('openai');
  });

  it('leaves the leaderboard, its windows, the archive and undecodable paths alone', () => {
    for (const path of ['/models', '/models/', '/models/window/week', '/models/window', '/models/archive', '/models/archive/2026-01', '/models/a/%ZZ', '/apps/coding']) {
      expect(modelPageSlug(path)).toBeNull();
    }
    // A model whose name only starts like a reserved segment is still a model.
    expect(modelPageSlug('/models/windows-ai/model')).toBe('windows-ai/model');
  });
});

describe('isUnknownModel', () => {
  it('knows nothing until a history is reported: the page decides', () => {
    expect(isUnknownModel('nobody/nothing', '2026-12-06')).toBe(false);
  });

  it('answers from the reported history of the same data day only', () => {
    reportKnownModels('2026-12-06', new Set(['openai/gpt-4o', 'deepseek/deepseek-chat-v3.1:free']));
    expect(isUnknownModel('nobody/nothing', '2026-12-06')).toBe(true);
    expect(isUnknownModel('openai/gpt-4o', '2026-12-06')).toBe(false);
    expect(isUnknownModel('deepseek/deepseek-chat-v3.1:free', '2026-12-06')).toBe(false);
    // A new data day may bring new models: until a page loads its history, no verdict.
    expect(isUnknownModel('nobody/nothing', '2026-12-07')).toBe(false);
  });
});
