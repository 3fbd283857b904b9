import { DEMO_LABEL, LICENSE_LINE, LICENSE_URL } from '@/lib/citation';
import type { ModelDay } from '@/lib/datasets/endpoints';
import { escapeXml, renderAtom } from '@/lib/feed/atom';
import { entryTitle, modelFeed } from '@/lib/boards/models/feed';
import { dailyFeedEntries } from '@/lib/rankings/feed';
import { buildHistory } from '@/lib/rankings/history';
import { addDays } from '@/lib/utc-day';

/** One day's rows: `{ 'a/x': 10n }` plus an optional `other`. */
function day(date: string, models: Record<string, bigint>, other?: bigint): ModelDay[] {
  const rows = Object.entries(models).map(([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false }));
  return other === undefined ? rows : [...rows, { date, permaslug: 'other', totalTokens: other, isOther: true }];
}

/*
 * 03-01  a1..a8 ranked 1..8 (first day of the history)
 * 03-02  z/new enters at #1; a8 +6, a7 +4; a1..a6 each fall 3 places (a tie of six, five shown)
 * 03-03  z/new stays #1; nothing else changes
 * 03-04  a tie on tokens: a/alpha and b/beta both 100 → a/alpha is #1 (permaslug order); all new
 * 03-06  after a gap (03-05 missing): nothing to compare with
 * 03-07  after the data day
 */
const history = buildHistory([
  ...day('2026-03-01', { 'a/a1': 800n, 'a/a2': 700n, 'a/a3': 600n, 'a/a4': 500n, 'a/a5': 400n, 'a/a6': 300n, 'a/a7': 200n, 'a/a8': 100n }, 50n),
  ...day('2026-03-02', { 'z/new': 1000n, 'a/a8': 950n, 'a/a7': 940n, 'a/a1': 500n, 'a/a2': 450n, 'a/a3': 400n, 'a/a4': 350n, 'a/a5': 300n, 'a/a6': 250n }, 60n),
  ...day('2026-03-03', { 'z/new': 1000n, 'a/a8': 950n, 'a/a7': 940n, 'a/a1': 500n, 'a/a2': 450n, 'a/a3': 400n, 'a/a4': 350n, 'a/a5': 300n, 'a/a6': 250n }, 60n),
  ...day('2026-03-04', { 'b/beta': 100n, 'a/alpha': 100n }, 0n),
  ...day('2026-03-06', { 'b/beta': 300n }, 100n),
  ...day('2026-03-07', { 'x/later': 5n }),
]);
const DATA_DAY = '2026-03-06';

describe('dailyFeedEntries', () => {
  const entries = dailyFeedEntries(history, DATA_DAY);
  const on = (date: string) => entries.find((entry) => entry.date === date)!;

  it('has one entry per day of the history up to the data day, newest first', () => {
    expect(entries.map((entry) => entry.date)).toEqual(['2026-03-06', '2026-03-04', '2026-03-03', '2026-03-02', '2026-03-01']);
    expect(dailyFeedEntries(history, DATA_DAY, 2).map((entry) => entry.date)).toEqual(['2026-03-06', '2026-03-04']);
    expect(dailyFeedEntries(history, '2026-02-28')).toEqual([]);
  });

  it('compares nothing on the first day of the history', () => {
    const first = on('2026-03-01');
    expect(first).toMatchObject({ leader: { permaslug: 'a/a1', rank: 1, tokens: 800n }, total: 3650n, previous: null, leaderChanged: false });
    expect([first.entrants, first.up, first.down]).toEqual([[], [], []]);
    expect(entryTitle(first)).toBe('2026-03-01: a/a1 is #1');
  });

  it('names a new #1 and the entrants to the top 50', () => {
    const entry = on('2026-03-02');
    expect(entry.leaderChanged).toBe(true);
    expect(entry.previous).toEqual({ date: '2026-03-01', leader: 'a/a1' });
    expect(entry.entrants).toEqual([{ permaslug: 'z/new', rank: 1, tokens: 1000n }]);
    expect(entryTitle(entry)).toBe('2026-03-02: z/new is the new #1');
  });

  it('ranks movers by rank change, ties by the day`s rank, at most five each way', () => {
    const entry = on('2026-03-02');
    expect(entry.up.map((m) => [m.permaslug, m.previousRank, m.rank, m.movement])).toEqual([
      ['a/a8', 8, 2, 6],
      ['a/a7', 7, 3, 4],
    ]);
    // a1..a6 all fell three places: the five best placed today are shown.
    expect(entry.down.map((m) => [m.permaslug, m.previousRank, m.rank, m.movement])).toEqual([
      ['a/a1', 1, 4, -3],
      ['a/a2', 2, 5, -3],
      ['a/a3', 3, 6, -3],
      ['a/a4', 4, 7, -3],
      ['a/a5', 5, 8, -3],
    ]);
    expect(dailyFeedEntries(history, DATA_DAY, 30, 1).find((e) => e.date === '2026-03-02')!.down.map((m) => m.permaslug)).toEqual(['a/a1']);
  });

  it('says the #1 stays when nothing moved', () => {
    const entry = on('2026-03-03');
    expect(entry).toMatchObject({ leaderChanged: false, entrants: [], up: [], down: [] });
    expect(entryTitle(entry)).toBe('2026-03-03: z/new stays #1');
  });

  it('breaks a tie for #1 by permaslug, like the leaderboard', () => {
    const entry = on('2026-03-04');
    expect(entry.leader).toEqual({ permaslug: 'a/alpha', rank: 1, tokens: 100n });
    expect(entry.leaderChanged).toBe(true);
    expect(entry.entrants.map((m) => m.permaslug)).toEqual(['a/alpha', 'b/beta']);
    expect(entry.down).toEqual([]);
  });

  it('compares only with the calendar day before: after a gap, nothing', () => {
    const entry = on('2026-03-06');
    expect(entry).toMatchObject({ previous: null, leaderChanged: false, entrants: [], up: [], down: [] });
    expect(entryTitle(entry)).toBe('2026-03-06: b/beta is #1');
  });

  it('handles a day that ranked no model', () => {
    const empty = buildHistory([...day('2026-03-01', { 'a/a': 5n }), ...day('2026-03-02', {}, 9n)]);
    const [entry] = dailyFeedEntries(empty, '2026-03-02');
    expect(entry).toMatchObject({ leader: null, total: 9n, leaderChanged: true, previous: { leader: 'a/a' } });
    expect(entryTitle(entry!)).toBe('2026-03-02: no model ranked');
  });
});

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`a&b<c>"d'e`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;e');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML 1.0 cannot carry and keeps everything else', () => {
    expect(escapeXml('a\u0000b\u0001c\u001fd\uFFFEe\uFFFFf\uD800g\uDFFFh')).toBe('abcdefgh');
    expect(escapeXml('tab\tnl\ncr\r é ✓ 😀 \uE000')).toBe('tab\tnl\ncr\r é ✓ 😀 \uE000');
  });
});

/**
 * A strict reading of the feed: checks well-formedness (balanced elements, quoted attributes, only the
 * five predefined entities or character references, no raw `<`/`&` in text) and returns the elements.
 */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
}

function unescape(text: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bad entity in ${text}`);
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, ref: string) =>
    ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : named[ref]!,
  );
}

function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>\n/, '');
  const root: XmlElement = { name: '#document', attrs: {}, text: '', children: [] };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while ((match = token.exec(body))) {
    at = token.lastIndex;
    const [, close, name, attrText, selfClose, text] = match;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      top.text += unescape(text);
    } else if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of attrText!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[key!] = unescape(value!);
      const element: XmlElement = { name: name!, attrs, text: '', children: [] };
      top.children.push(element);
      if (!selfClose) stack.push(element);
    }
  }
  if (at !== body.length) throw new Error(`not well-formed at ${at}: ${body.slice(at, at + 40)}`);
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced document');
  return root.children[0]!;
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name)!;
const all = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

describe('parseXml (the reading the feed tests rely on)', () => {
  it('rejects what an XML parser rejects', () => {
    expect(parseXml('<feed a="1"><title>x &amp; y</title><link href="z"/></feed>').children).toHaveLength(2);
    for (const bad of ['<feed>a & b</feed>', '<feed><title>x</feed>', '<feed><title>evil/<b>&"</title></feed>', '<feed a=1></feed>', '<feed a="<"></feed>', '<a></a><b></b>']) {
      expect(() => parseXml(bad)).toThrow();
    }
  });
});

describe('modelFeed + renderAtom', () => {
  const evil = `evil/<b>&"quoted"'s`;
  const evilHistory = buildHistory([
    ...day('2026-11-29', { 'anthropic/claude-sonnet-4': 900n, [evil]: 100n }, 10n),
    ...day('2026-11-30', { [evil]: 1000n, 'anthropic/claude-sonnet-4': 900n }, 10n),
    ...day('2026-12-01', { [evil]: 1000n, 'anthropic/claude-sonnet-4': 900n, 'x/new': 5n }, 10n),
  ]);
  const input = {
    entries: dailyFeedEntries(evilHistory, '2026-12-01'),
    siteUrl: 'https://tokenboard.example',
    siteName: 'Tokenboard',
    asOf: '2026-12-02T00:41:07.000Z',
    dataDay: '2026-12-01',
  };

  it('is well-formed and carries hostile model names exactly, escaped once in titles and twice in HTML content', () => {
    const xml = renderAtom(modelFeed({ ...input, source: 'openrouter' }));
    const feed = parseXml(xml);
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = all(feed, 'entry');
    expect(entries.map((e) => child(e, 'title').text)).toEqual([
      `2026-12-01: ${evil} stays #1`,
      `2026-11-30: ${evil} is the new #1`,
      '2026-11-29: anthropic/claude-sonnet-4 is #1',
    ]);
    const content = child(entries[1]!, 'content');
    expect(content.attrs.type).toBe('html');
    // The content is HTML in which the name is escaped again: &amp;lt;b&amp;gt; in the XML.
    expect(content.text).toContain('&lt;b&gt;&amp;&quot;quoted&quot;&apos;s</a>');
    expect(content.text).toContain('taking over from <a href="https://tokenboard.example/models/anthropic/claude-sonnet-4">anthropic/claude-sonnet-4</a>');
    expect(xml).toContain('evil/&amp;lt;b&amp;gt;&amp;amp;');
    expect(xml).not.toContain('<b>');
  });

  it('has stable tag ids, absolute links, the day end as updated, and a self link', () => {
    const feed = parseXml(renderAtom(modelFeed({ ...input, source: 'openrouter' })));
    const entries = all(feed, 'entry');
    expect(entries.map((e) => child(e, 'id').text)).toEqual([
      'tag:tokenboard.example,2025-01-01:models/daily/2026-12-01',
      'tag:tokenboard.example,2025-01-01:models/daily/2026-11-30',
      'tag:tokenboard.example,2025-01-01:models/daily/2026-11-29',
    ]);
    expect(entries.map((e) => child(e, 'updated').text)).toEqual(['2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z', '2026-11-30T00:00:00Z']);
    expect(child(feed, 'updated').text).toBe('2026-12-02T00:41:07.000Z');
    const links = all(feed, 'link').map((l) => l.attrs);
    expect(links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: 'https://tokenboard.example/feed.xml' });
    expect(links).toContainEqual({ rel: 'license', href: LICENSE_URL });
    // An entry links to its #1's model page, and to its month's archive once that month is complete.
    expect(all(entries[0]!, 'link').map((l) => l.attrs)).toEqual([
      { rel: 'alternate', type: 'text/html', href: "https://tokenboard.example/models/evil/%3Cb%3E%26%22quoted%22's" },
    ]);
    expect(all(entries[1]!, 'link').map((l) => l.attrs.href)).toEqual([
      "https://tokenboard.example/models/evil/%3Cb%3E%26%22quoted%22's",
      'https://tokenboard.example/models/archive/2026-11',
    ]);
    for (const entry of entries) {
      for (const link of all(entry, 'link')) expect(link.attrs.href).toMatch(/^https:\/\/tokenboard\.example\//);
    }
    expect(child(child(feed, 'author'), 'name').text).toBe('Tokenboard');
  });

  it('lists entrants and movers in the content', () => {
    const feed = parseXml(renderAtom(modelFeed({ ...input, source: 'openrouter' })));
    const [newest, middle] = all(feed, 'entry').map((e) => child(e, 'content').text);
    expect(newest).toContain('<h3>New in the top 50</h3><ul><li><a href="https://tokenboard.example/models/x/new">x/new</a> at #3 (5 tokens)</li></ul>');
    expect(newest).toContain('No model in the top 50 on both days changed rank.');
    expect(middle).toContain('No model entered the top 50.');
    expect(middle).toContain('<h3>Biggest moves up</h3>');
    expect(middle).toContain(': #2 → #1 (up 1 place)');
    expect(middle).toContain('anthropic/claude-sonnet-4</a>: #1 → #2 (down 1 place)');
  });

  it('carries the citation and licence with real figures', () => {
    const feed = parseXml(renderAtom(modelFeed({ ...input, source: 'openrouter' })));
    const citation = 'Source: OpenRouter (openrouter.ai/rankings), as of 2026-12-02T00:41:07.000Z.';
    expect(child(feed, 'rights').text).toBe(`${citation} ${LICENSE_LINE}`);
    expect(child(feed, 'title').text).toBe('Tokenboard: daily model rankings');
    for (const entry of all(feed, 'entry')) {
      expect(child(entry, 'rights').text).toBe(`${citation} ${LICENSE_LINE}`);
      expect(child(entry, 'content').text).toContain(citation);
      expect(child(entry, 'content').text).not.toContain(DEMO_LABEL);
    }
  });

  it('carries the demo label instead of the citation in demo mode, everywhere', () => {
    const xml = renderAtom(modelFeed({ ...input, source: 'demo' }));
    expect(xml).not.toContain('Source: OpenRouter');
    expect(xml).not.toContain(LICENSE_URL);
    const feed = parseXml(xml);
    expect(child(feed, 'title').text).toContain(DEMO_LABEL);
    expect(child(feed, 'subtitle').text).toContain(DEMO_LABEL);
    expect(child(feed, 'rights').text).toBe(`${DEMO_LABEL}.`);
    for (const entry of all(feed, 'entry')) {
      expect(child(entry, 'title').text).toMatch(/^\[Demo data\] 2026-/);
      expect(child(entry, 'rights').text).toBe(`${DEMO_LABEL}.`);
      expect(child(entry, 'content').text).toContain(DEMO_LABEL);
    }
  });

  it('keeps the feed updated no earlier than its newest entry', () => {
    const feed = modelFeed({ ...input, source: 'demo', asOf: 'not a time' });
    expect(feed.updated).toBe('2026-12-02T00:00:00.000Z');
    expect(modelFeed({ ...input, source: 'demo', asOf: '2026-12-01T23:00:00Z' }).updated).toBe('2026-12-02T00:00:00.000Z');
  });

  it('caps the feed at 30 days of a longer history', () => {
    const days = Array.from({ length: 45 }, (_, i) => day(addDays('2026-10-01', i), { 'a/x': BigInt(100 + i), 'b/y': BigInt(140 - i) }));
    const entries = dailyFeedEntries(buildHistory(days.flat()), addDays('2026-10-01', 44));
    const feed = parseXml(renderAtom(modelFeed({ ...input, entries, source: 'demo' })));
    const ids = all(feed, 'entry').map((e) => child(e, 'id').text);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(ids[0]).toMatch(/2026-11-14$/);
    expect(ids.at(-1)).toMatch(/2026-10-16$/);
  });
});
