import 'server-only';
import { requireStaff } from '../auth/staff';
import {
  getDataLayerStatus,
  listHeldDatasets,
  readAttemptHistory,
  type AttemptRecord,
  type CacheEntrySummary,
  type DataLayerStatus,
} from '../data-layer';
import { getConfig, redactKey } from '../env';
import { nextDataDayAt } from '../utc-day';
import { readAudit, type AuditRecord } from '../audit';

export interface HeldDataset extends CacheEntrySummary {
  /** Fresh for the current data day (or final): pages built from it need no upstream call. */
  fresh: boolean;
  /** When a fresh, non-final dataset is next fetched by itself (the next data day); null otherwise. */
  nextRefetchAt: string | null;
  lastError: { at: string; outcome: string; message: string | null } | null;
}

export interface ConsoleData {
  status: DataLayerStatus;
  keyRedacted: string;
  upstreamHost: string;
  nextDataDayAt: string;
  datasets: HeldDataset[];
  /** The shared store could not list them (Redis down). */
  datasetsUnavailable: boolean;
  /** Newest first. */
  attempts: AttemptRecord[];
  audit: AuditRecord[];
}

/** Everything the console shows. Staff only: checked here too, not just by the page that calls it. */
export async function getConsoleData(): Promise<ConsoleData> {
  await requireStaff();
  const config = getConfig();
  // The list comes from the shared store when there is one; if Redis is down the rest still shows.
  const [status, held, history, audit] = await Promise.all([
    getDataLayerStatus(),
    listHeldDatasets().catch(() => null),
    readAttemptHistory(),
    readAudit(50),
  ]);
  const nextDay = nextDataDayAt(new Date(), config.settleMinutes).toISOString();
  return {
    status,
    keyRedacted: config.mode === 'live' ? redactKey(config.apiKey) : 'none (demo data)',
    upstreamHost: config.mode === 'live' ? new URL(config.baseUrl).host : 'built-in demo source',
    nextDataDayAt: nextDay,
    datasetsUnavailable: held === null,
    datasets: (held ?? []).map((dataset) => ({
      ...dataset,
      fresh: dataset.final || dataset.dataDay === status.dataDay,
      nextRefetchAt: !dataset.final && dataset.dataDay === status.dataDay ? nextDay : null,
      lastError: history.lastErrors[dataset.key] ?? null,
    })),
    attempts: [...history.attempts].reverse(),
    audit,
  };
}
