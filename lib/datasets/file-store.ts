import 'server-only';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { utcDateOf } from '../utc-day';
import { emptyState, PARTITIONS, type QuotaState, type QuotaStore } from './quota';

/**
 * Quota state in one JSON file under DATA_DIR. Every transaction holds a lock file, so concurrent
 * callers — in this process, in `next build` workers, or in a second process on the same disk — never
 * interleave a read-modify-write. Writes go to a temp file and are renamed into place.
 */
export class FileQuotaStore implements QuotaStore {
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'quota.json');
  }

  async read(): Promise<QuotaState> {
    try {
      return parseState(JSON.parse(await readFile(this.file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState(utcDateOf(new Date()));
      throw error;
    }
  }

  transact<T>(update: (state: QuotaState) => { state: QuotaState; result: T }): Promise<T> {
    // Serialise in-process first: proper-lockfile treats a second lock by the same process as contention.
    const run = this.queue.then(() => this.lockedTransact(update));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lockedTransact<T>(update: (state: QuotaState) => { state: QuotaState; result: T }): Promise<T> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const release = await lockfile.lock(path.dirname(this.file), {
      lockfilePath: `${this.file}.lock`,
      realpath: false,
      stale: 10_000,
      retries: { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.3 },
    });
    try {
      const { state, result } = update(await this.read());
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(state));
      await rename(temp, this.file);
      return result;
    } finally {
      await release();
    }
  }
}

/** A corrupt or foreign file must not crash the site or silently zero the counters: fail loudly. */
function parseState(value: unknown): QuotaState {
  const v = value as Partial<QuotaState> | null;
  const valid =
    v !== null &&
    typeof v === 'object' &&
    typeof v.day === 'string' &&
    Array.isArray(v.recent) &&
    v.recent.every((n) => typeof n === 'number') &&
    typeof v.blockedUntil === 'number' &&
    typeof v.dayCounts === 'object' &&
    v.dayCounts !== null &&
    PARTITIONS.every((p) => typeof v.dayCounts?.[p] === 'number');
  if (!valid) throw new Error('quota.json under DATA_DIR is not a valid quota state; delete it only if you accept resetting today\'s counters');
  return { ...(v as QuotaState), lastSuccessAt: typeof v.lastSuccessAt === 'string' ? v.lastSuccessAt : null };
}
