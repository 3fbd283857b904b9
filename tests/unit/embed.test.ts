import { embedHref, embedOfUrl, embedPagePath, type Embed } from '@/lib/boards';
import { appsEmbedOf } from '@/lib/boards/apps/board';
import { modelsEmbedOf } from '@/lib/boards/models/board';

const url = (href: string) => new URL(href, 'http://localhost');
const fromHref = (href: string) => embedOfUrl(url(href).pathname, url(href).searchParams);

describe('embed URLs', () => {
  test('defaults: month, top 10, auto (and popular for apps)', () => {
    expect(fromHref('/embed/models')).toEqual({ kind: 'models', window: 'month', top: 10, theme: 'auto' });
    expect(fromHref('/embed/apps')).toEqual({ kind: 'apps', sort: 'popular', window: 'month', top: 10, theme: 'auto' });
  });

  test('every documented value is accepted', () => {
    for (const window of ['day', 'week', 'month', 'quarter', 'year']) expect(fromHref(`/embed/models?window=${window}`)).not.toBeNull();
    for (const window of ['day', 'week', 'month']) expect(fromHref(`/embed/apps?window=${window}`)).not.toBeNull();
    for (const sort of ['popular', 'trending']) expect(fromHref(`/embed/apps?sort=${sort}`)).not.toBeNull();
    for (const theme of ['light', 'dark', 'auto']) expect(fromHref(`/embed/models?theme=${theme}`)).not.toBeNull();
    for (let top = 1; top <= 50; top += 1) expect(fromHref(`/embed/apps?top=${top}`)?.top).toBe(top);
  });

  test('an invalid value is refused, never replaced by the default', () => {
    for (const href of [
      '/embed/models?window=nope',
      '/embed/models?window=',
      '/embed/models?window=Month',
      '/embed/apps?window=quarter',
      '/embed/apps?window=year',
      '/embed/apps?sort=new',
      '/embed/models?top=0',
      '/embed/models?top=51',
      '/embed/models?top=01',
      '/embed/models?top=1.0',
      '/embed/models?top=1e1',
      '/embed/models?top=-1',
      '/embed/models?top=%2010',
      '/embed/models?theme=blue',
      '/embed/models?theme=',
      '/embed/models?window=..%2F..%2Fstaff',
      '/embed/other',
      '/embed/models/extra',
    ]) {
      expect([href, fromHref(href)]).toEqual([href, null]);
    }
  });

  test('parameters that do not belong to the widget are ignored', () => {
    expect(fromHref('/embed/models?sort=trending&utm_source=x')).toEqual({ kind: 'models', window: 'month', top: 10, theme: 'auto' });
  });

  test('the public URL drops defaults, and public URL, page path and path segments name the same widget', () => {
    const widgets: Embed[] = [
      { kind: 'models', window: 'month', top: 10, theme: 'auto' },
      { kind: 'models', window: 'year', top: 50, theme: 'dark' },
      { kind: 'apps', sort: 'popular', window: 'month', top: 10, theme: 'auto' },
      { kind: 'apps', sort: 'trending', window: 'day', top: 1, theme: 'light' },
    ];
    expect(widgets.map(embedHref)).toEqual(['/embed/models', '/embed/models?window=year&top=50&theme=dark', '/embed/apps', '/embed/apps?sort=trending&window=day&top=1&theme=light']);
    expect(widgets.map(embedPagePath)).toEqual([
      '/embed/v/models/month/10/auto',
      '/embed/v/models/year/50/dark',
      '/embed/v/apps/popular/month/10/auto',
      '/embed/v/apps/trending/day/1/light',
    ]);
    for (const widget of widgets) {
      expect(fromHref(embedHref(widget))).toEqual(widget);
      const segments = embedPagePath(widget).split('/').slice(4);
      const parsed =
        widget.kind === 'models'
          ? modelsEmbedOf({ window: segments[0], top: segments[1], theme: segments[2] })
          : appsEmbedOf({ sort: segments[0], window: segments[1], top: segments[2], theme: segments[3] });
      expect(parsed).toEqual(widget);
    }
  });
});
