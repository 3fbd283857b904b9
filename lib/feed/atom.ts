/**
 * Atom 1.0 (RFC 4287) serialisation: a feed object in, a UTF-8 XML document out. Pure; every text and
 * attribute value passes through `escapeXml`, so nothing a model name holds can break the document.
 */

export interface AtomLink {
  href: string;
  rel?: 'alternate' | 'self' | 'related' | 'license';
  type?: string;
  title?: string;
}

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  /** RFC 3339 timestamp. */
  updated: string;
  links: readonly AtomLink[];
  /** HTML markup; serialised escaped, as `type="html"` content. */
  contentHtml: string;
  rights?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339 timestamp. */
  updated: string;
  links: readonly AtomLink[];
  author: AtomPerson;
  rights?: string;
  entries: readonly AtomEntry[];
}

// Characters XML 1.0 forbids even when escaped: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML (or HTML) element or quoted attribute; characters XML cannot carry are dropped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

function text(name: string, value: string, attrs: Record<string, string | undefined> = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(value)}</${name}>`;
}

function link({ href, rel, type, title }: AtomLink): string {
  return `<link${attributes({ rel, type, href, title })}/>`;
}

function entry(e: AtomEntry): string {
  return [
    '  <entry>',
    `    ${text('id', e.id)}`,
    `    ${text('title', e.title)}`,
    `    ${text('updated', e.updated)}`,
    ...e.links.map((l) => `    ${link(l)}`),
    ...(e.rights === undefined ? [] : [`    ${text('rights', e.rights)}`]),
    `    ${text('content', e.contentHtml, { type: 'html' })}`,
    '  </entry>',
  ].join('\n');
}

export function renderAtom(feed: AtomFeed): string {
  const author = [`<name>${escapeXml(feed.author.name)}</name>`, ...(feed.author.uri ? [`<uri>${escapeXml(feed.author.uri)}</uri>`] : [])].join('');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${text('id', feed.id)}`,
    `  ${text('title', feed.title)}`,
    ...(feed.subtitle === undefined ? [] : [`  ${text('subtitle', feed.subtitle)}`]),
    `  ${text('updated', feed.updated)}`,
    ...feed.links.map((l) => `  ${link(l)}`),
    `  <author>${author}</author>`,
    ...(feed.rights === undefined ? [] : [`  ${text('rights', feed.rights)}`]),
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}

/**
 * The feed with more entries (another board's), newest first by `updated`; entries of the same instant
 * keep their order, the feed's own first. The feed's `updated` moves on to the newest entry's if later.
 */
export function withEntries(feed: AtomFeed, entries: readonly AtomEntry[]): AtomFeed {
  const all = [...feed.entries, ...entries].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const newest = all[0] && Date.parse(all[0].updated) > Date.parse(feed.updated) ? new Date(Date.parse(all[0].updated)).toISOString() : feed.updated;
  return { ...feed, updated: newest, entries: all };
}
