import 'server-only';
import path from 'node:path';
import { utcDateOf } from '../utc-day';
import { LockedJsonFile } from './json-file';
import { emptyState, parseQuotaState, type QuotaState, type QuotaStore } from './quota';

/** Quota state in one JSON file under DATA_DIR, each transaction under its lock (see json-file.ts). */
export class FileQuotaStore implements QuotaStore {
  private readonly document: LockedJsonFile<QuotaState>;

  constructor(dataDir: string) {
    this.document = new LockedJsonFile(path.join(dataDir, 'quota.json'), parseQuotaState, () => emptyState(utcDateOf(new Date())));
  }

  read(): Promise<QuotaState> {
    return this.document.read();
  }

  transact<T>(update: (state: QuotaState) => { state: QuotaState; result: T }): Promise<T> {
    return this.document.transact((current) => {
      const { state, result } = update(current);
      return { value: state, result };
    });
  }
}
