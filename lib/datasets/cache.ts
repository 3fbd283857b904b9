import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Endpoint } from './endpoints';

/**
 * Validated upstream payloads, kept as received (tokens stay decimal strings) with when and for which
 * data day they were fetched. Entries are never deleted on failure: the last good payload of a request
 * is always there for the freshness report and for a later, deliberate stale-serving policy.
 */
export interface CacheEntry {
  key: string;
  endpoint: Endpoint;
  query: Record<string, string>;
  /** The data day during which it was fetched: fresh while that day is still current. */
  dataDay: string;
  fetchedAt: string;
  /** Fetched as a window whose figures can no longer change. */
  final?: boolean;
  body: unknown;
}

/** A held dataset without its rows: what the staff console's freshness table lists. */
export interface CacheEntrySummary {
  key: string;
  endpoint: Endpoint;
  query: Record<string, string>;
  dataDay: string;
  fetchedAt: string;
  final: boolean;
  asOf: string | null;
  rows: number;
}

export interface ResponseCache {
  get(key: string): Promise<CacheEntry | undefined>;
  set(entry: CacheEntry): Promise<void>;
  /** Any entry at all: the site has something to serve. */
  hasAny(): Promise<boolean>;
  /** Every entry held, summarised (for the staff console, not for public pages). */
  list(): Promise<CacheEntrySummary[]>;
}

/** The summary of an entry: everything but its rows. */
export function summarize(entry: CacheEntry): CacheEntrySummary {
  const body = entry.body as { data?: unknown[]; meta?: { as_of?: unknown } } | null;
  return {
    key: entry.key,
    endpoint: entry.endpoint,
    query: entry.query,
    dataDay: entry.dataDay,
    fetchedAt: entry.fetchedAt,
    final: entry.final === true,
    asOf: typeof body?.meta?.as_of === 'string' ? body.meta.as_of : null,
    rows: Array.isArray(body?.data) ? body.data.length : 0,
  };
}

const MEMORY_ENTRIES = 500;

/** The last entries read or written, newest last: a bounded in-process copy. */
export class MemoryEntries {
  private readonly entries = new Map<string, CacheEntry>();

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
  }

  remember(entry: CacheEntry): void {
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    if (this.entries.size > MEMORY_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

export class FileResponseCache implements ResponseCache {
  private readonly dir: string;
  private readonly memory = new MemoryEntries();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'responses');
  }

  private fileFor(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const hit = this.memory.get(key);
    if (hit) return hit;
    try {
      const entry = JSON.parse(await readFile(this.fileFor(key), 'utf8')) as CacheEntry;
      if (entry.key !== key) return undefined;
      this.memory.remember(entry);
      return entry;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // A torn or corrupt file is a miss, not an outage: the next fetch rewrites it.
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  async set(entry: CacheEntry): Promise<void> {
    this.memory.remember(entry);
    await mkdir(this.dir, { recursive: true });
    const file = this.fileFor(entry.key);
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, file);
  }

  /** Every entry on disk, summarised (reads each file: for the staff console, not for public pages). */
  async list(): Promise<CacheEntrySummary[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    const summaries: CacheEntrySummary[] = [];
    for (const name of names) {
      try {
        summaries.push(summarize(JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as CacheEntry));
      } catch {
        // Being rewritten or torn: it will be listed next time.
      }
    }
    return summaries.sort((a, b) => a.key.localeCompare(b.key));
  }

  async hasAny(): Promise<boolean> {
    if (this.memory.size > 0) return true;
    try {
      return (await readdir(this.dir)).some((name) => name.endsWith('.json'));
    } catch {
      return false;
    }
  }
}
