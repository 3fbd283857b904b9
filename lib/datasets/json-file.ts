import 'server-only';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One JSON document in a file, updated under a lock file, so concurrent callers — in this process, in
 * `next build` workers, or in another process on the same disk — never interleave a read-modify-write.
 * Writes go to a temp file and are renamed into place.
 */
export class LockedJsonFile<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly parse: (value: unknown) => T,
    private readonly empty: () => T,
  ) {}

  async read(): Promise<T> {
    try {
      return this.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw error;
    }
  }

  transact<R>(update: (value: T) => { value: T; result: R }): Promise<R> {
    // Serialise in-process first: proper-lockfile treats a second lock by the same process as contention.
    const run = this.queue.then(() => this.lockedTransact(update));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lockedTransact<R>(update: (value: T) => { value: T; result: R }): Promise<R> {
    await mkdir(path.dirname(this.file), { recursive: true });
    // Keyed by the document's own path: proper-lockfile tracks held locks by that argument, so two
    // documents in one directory must not both lock the directory.
    const release = await lockfile.lock(this.file, {
      lockfilePath: `${this.file}.lock`,
      realpath: false,
      stale: 10_000,
      retries: { retries: 200, minTimeout: 5, maxTimeout: 50, factor: 1.3 },
    });
    try {
      const { value, result } = update(await this.read());
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(value));
      await rename(temp, this.file);
      return result;
    } finally {
      await release();
    }
  }
}
