import 'server-only';
import path from 'node:path';
import { LockedJsonFile } from './json-file';
import type { Partition } from './quota';
import type { Endpoint } from './endpoints';

/** One upstream attempt, as the staff console lists it. Parameters only: never headers or the key. */
export interface AttemptRecord {
  at: string;
  key: string;
  endpoint: Endpoint;
  params: Record<string, string>;
  partition: Partition;
  status: number | null;
  latencyMs: number;
  /** 1 for the first try of a call, 2+ for retries. */
  attempt: number;
  /** `ok` or a DatasetsError code. */
  outcome: string;
  message: string | null;
}

export interface AttemptHistory {
  /** The most recent attempts, oldest first. */
  attempts: AttemptRecord[];
  /** The latest failure per request key, cleared by that request's next success. */
  lastErrors: Record<string, { at: string; outcome: string; message: string | null }>;
}

export interface AttemptLog {
  record(attempt: AttemptRecord): Promise<void>;
  read(): Promise<AttemptHistory>;
}

export const ATTEMPTS_KEPT = 200;

export function appendAttempt(history: AttemptHistory, attempt: AttemptRecord): AttemptHistory {
  const lastErrors = { ...history.lastErrors };
  if (attempt.outcome === 'ok') delete lastErrors[attempt.key];
  else lastErrors[attempt.key] = { at: attempt.at, outcome: attempt.outcome, message: attempt.message };
  return { attempts: [...history.attempts, attempt].slice(-ATTEMPTS_KEPT), lastErrors };
}

const empty = (): AttemptHistory => ({ attempts: [], lastErrors: {} });

function parseHistory(value: unknown): AttemptHistory {
  const v = value as Partial<AttemptHistory> | null;
  // Telemetry, not accounting: an unreadable file starts a fresh history rather than failing calls.
  if (!v || !Array.isArray(v.attempts) || typeof v.lastErrors !== 'object' || v.lastErrors === null) return empty();
  return { attempts: v.attempts, lastErrors: v.lastErrors };
}

/** The attempt history in DATA_DIR/attempts.json, shared by every process on that disk. */
export class FileAttemptLog implements AttemptLog {
  private readonly document: LockedJsonFile<AttemptHistory>;

  constructor(dataDir: string) {
    this.document = new LockedJsonFile(path.join(dataDir, 'attempts.json'), parseHistory, empty);
  }

  record(attempt: AttemptRecord): Promise<void> {
    return this.document.transact((history) => ({ value: appendAttempt(history, attempt), result: undefined }));
  }

  read(): Promise<AttemptHistory> {
    return this.document.read().catch(() => empty());
  }
}
