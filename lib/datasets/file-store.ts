import 'server-only';
import path from 'node:path';
import { utcDateOf } from '../utc-day';
import { LockedJsonFile } from './json-file';
import { emptyState, PARTITIONS, type QuotaState, type QuotaStore } from './quota';

/** Quota state in one JSON file under DATA_DIR, each transaction under its lock (see json-file.ts). */
export class FileQuotaStore implements QuotaStore {
  private readonly document: LockedJsonFile<QuotaState>;

  constructor(dataDir: string) {
    this.document = new LockedJsonFile(path.join(dataDir, 'quota.json'), parseState, () => emptyState(utcDateOf(new Date())));
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

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * A corrupt or foreign file must not crash the site or silently zero the counters: fail loudly. Files
 * written before attempts carried their partition (bare timestamps, no hourly counts) are upgraded.
 */
function parseState(value: unknown): QuotaState {
  const v = upgrade(value) as Partial<QuotaState> | null;
  const valid =
    v !== null &&
    typeof v === 'object' &&
    typeof v.day === 'string' &&
    Array.isArray(v.recent) &&
    v.recent.every((r) => typeof r?.at === 'number' && PARTITIONS.includes(r.partition)) &&
    typeof v.blockedUntil === 'number' &&
    typeof v.dayCounts === 'object' &&
    v.dayCounts !== null &&
    PARTITIONS.every((p) => isCount(v.dayCounts?.[p])) &&
    typeof v.hourly === 'object' &&
    v.hourly !== null &&
    PARTITIONS.every((p) => Array.isArray(v.hourly?.[p]) && v.hourly[p].length === 24 && v.hourly[p].every(isCount));
  if (!valid) throw new Error('quota.json under DATA_DIR is not a valid quota state; delete it only if you accept resetting today\'s counters');
  return { ...(v as QuotaState), lastSuccessAt: typeof v.lastSuccessAt === 'string' ? v.lastSuccessAt : null };
}

function upgrade(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  const recent = Array.isArray(v.recent) ? v.recent.map((r: unknown) => (typeof r === 'number' ? { at: r, partition: 'core' } : r)) : v.recent;
  const hourly = v.hourly ?? (typeof v.day === 'string' ? emptyState(v.day).hourly : undefined);
  return { ...v, recent, hourly };
}
