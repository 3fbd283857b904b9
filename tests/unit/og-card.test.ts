import robots from '@/app/robots';
import type { ModelDay } from '@/lib/datasets/endpoints';
import { appsCard } from '@/lib/boards/apps/card';
import { modelCard } from '@/lib/boards/model/card';
import { leaderboardCard } from '@/lib/boards/models/card';
import { cardAlt, rangeSubtitle, windowPhrase, type RankingCardData } from '@/lib/og/card-data';
import type { AppsView } from '@/lib/boards/apps/types';
import { buildHistory } from '@/lib/rankings/history';
import { computeLeaderboard } from '@/lib/rankings/leaderboard';
import { modelProfile } from '@/lib/rankings/model-profile';
import { appsOgImageHref, modelOgImageHref, modelsOgImageHref } from '@/lib/routes';

const BIG = 123_456_789_012_345_678_901n; // beyond Number's exact range: must stay exact in the card data

function day(date: string, models: Record<string, bigint>): ModelDay[] {
  return Object.entries(models).map(([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false }));
}

const history = buildHistory([
  ...day('2026-11-29', { 'a/one': 10n, 'b/two': 20n, 'c/three': 30n }),
  ...day('2026-11-30', { 'a/one': BIG, 'b/two': 5n, 'c/three': 4n, 'd/four': 3n, 'e/five': 2n, 'f/six': 1n }),
]);

describe('social card data', () => {
  test('a leaderboard card: the first five, exact token strings, the window and its dates', () => {
    const card = leaderboardCard(computeLeaderboard(history, 'week', '2026-11-30'), 'Top AI models by tokens', windowPhrase('week'), true);
    expect(card.subtitle).toBe('Last 7 days · Nov 24, 2026 – Nov 30, 2026 (UTC)');
    expect(card.rows).toEqual([
      { name: 'a/one', tokens: (BIG + 10n).toString() },
      { name: 'c/three', tokens: '34' },
      { name: 'b/two', tokens: '25' },
      { name: 'd/four', tokens: '3' },
      { name: 'e/five', tokens: '2' },
    ]);
    expect(card.demo).toBe(true);
  });

  test('window phrases and range subtitles', () => {
    expect(['day', 'week', 'month', 'quarter', 'year'].map((w) => windowPhrase(w as 'day'))).toEqual([
      'Last day',
      'Last 7 days',
      'Last 30 days',
      'Last 90 days',
      'Last 365 days',
    ]);
    expect(rangeSubtitle('November 2026', { start: '2026-11-01', end: '2026-11-30' })).toBe('November 2026 · Nov 1, 2026 – Nov 30, 2026 (UTC)');
    expect(rangeSubtitle('Last day', { start: '2026-11-30', end: '2026-11-30' })).toBe('Last day · Nov 30, 2026 (UTC)');
  });

  test('a model card lists its windows and its total since it first ranked, unnumbered', () => {
    const card = modelCard(modelProfile(history, 'a/one', '2026-11-30')!, '2026-11-30', false);
    expect(card.title).toBe('a/one');
    expect(card.ranked).toBe(false);
    expect(card.rows.map((row) => row.name)).toEqual(['Last day', 'Last 7 days', 'Last 30 days', 'Last 365 days', 'Since Nov 29, 2026']);
    expect(card.rows[0]!.tokens).toBe(BIG.toString());
    expect(card.rows[4]!.tokens).toBe((BIG + 10n).toString());
  });

  test('an apps card names the view and its sort, and is demo exactly when the view is', () => {
    const view = {
      query: { sort: 'trending', window: 'week', category: 'coding', subcategory: 'cli-agent', page: 1, pageSize: 25 },
      dataDay: '2026-11-30',
      range: { start: '2026-11-24', end: '2026-11-30' },
      source: 'openrouter',
      rows: Array.from({ length: 7 }, (_, i) => ({ appName: `App ${i + 1}`, tokens: String(1000 - i) })),
    } as unknown as AppsView;
    const card = appsCard(view);
    expect(card.title).toBe('Coding › CLI agents: trending apps');
    expect(card.subtitle).toBe('Last 7 days · Nov 24, 2026 – Nov 30, 2026 (UTC)');
    expect(card.rows).toHaveLength(5);
    expect(card.demo).toBe(false);
    expect(appsCard({ ...view, source: 'demo', query: { ...view.query, sort: 'popular', category: null, subcategory: null } } as AppsView).title).toBe(
      'All apps: top apps by tokens',
    );
  });

  test('the alt text says what the image shows, the demo label first, within 420 characters', () => {
    const card: RankingCardData = { title: 'T', subtitle: 'S', rows: [{ name: 'a/one', tokens: '1234567890123' }], demo: true };
    expect(cardAlt(card)).toBe('Demo data, synthetic. T. S: 1. a/one 1.2T.');
    expect(cardAlt({ ...card, demo: false, ranked: false })).toBe('T. S: a/one 1.2T.');
    const long = cardAlt({ ...card, rows: Array.from({ length: 5 }, () => ({ name: 'x'.repeat(200), tokens: '1' })) });
    expect(long.length).toBe(420);
    expect(long.startsWith('Demo data, synthetic.')).toBe(true);
  });

  test('card URLs: one per models window, model and apps view, outside the paths robots.txt disallows', () => {
    expect(modelsOgImageHref('week')).toBe('/og/models/window/week');
    expect(modelOgImageHref('deepseek/deepseek-chat-v3.1:free')).toBe('/og/models/deepseek/deepseek-chat-v3.1:free');
    expect(appsOgImageHref({ sort: 'popular', window: 'month', category: null, subcategory: null })).toBe('/og/apps/popular/month/all');
    expect(appsOgImageHref({ sort: 'trending', window: 'day', category: 'coding', subcategory: null })).toBe('/og/apps/trending/day/coding');
    expect(appsOgImageHref({ sort: 'popular', window: 'week', category: 'coding', subcategory: 'cli-agent' })).toBe('/og/apps/popular/week/coding.cli-agent');
    // X's and LinkedIn's crawlers honour robots.txt for image URLs too.
    const rules = robots().rules;
    const disallowed = (Array.isArray(rules) ? rules : [rules]).flatMap((rule) => rule.disallow ?? []);
    expect(disallowed).toEqual(expect.arrayContaining(['/models/window/', '/apps/v/']));
    for (const href of [modelsOgImageHref('week'), modelOgImageHref('a/b'), appsOgImageHref({ sort: 'popular', window: 'month', category: null, subcategory: null })]) {
      expect([href, disallowed.filter((prefix) => href.startsWith(prefix))]).toEqual([href, []]);
    }
  });
});
