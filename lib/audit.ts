import 'server-only';
import { appendFile, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from './env';
import { logEvent } from './log';

export type AuditAction = 'sign-in' | 'sign-out' | 'refresh' | 'export';

export interface AuditRecord {
  at: string;
  /** Email of the person acting. */
  actor: string;
  action: AuditAction;
  /** What was done, in words, e.g. "dataset rankings-daily 2026-10-26..2026-11-24: refreshed". */
  detail: string;
  outcome: 'ok' | 'refused' | 'failed';
}

const TAIL_BYTES = 256 * 1024;

function auditFile(): string {
  return path.join(getConfig().dataDir, 'audit.jsonl');
}

/**
 * Appends one record (one JSON line, a single append write: concurrent writers never interleave
 * within a line). The trail outlives restarts; it is also logged for the log shipper.
 */
export async function recordAudit(record: Omit<AuditRecord, 'at'>): Promise<void> {
  const line: AuditRecord = { at: new Date().toISOString(), ...record, detail: record.detail.slice(0, 500) };
  const file = auditFile();
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(line)}\n`, { encoding: 'utf8', mode: 0o600 });
  logEvent('staff_audit', { actor: line.actor, action: line.action, detail: line.detail, outcome: line.outcome });
}

/** The most recent records, newest first (reads only the end of the file). */
export async function readAudit(limit = 100): Promise<AuditRecord[]> {
  let text: string;
  try {
    const handle = await open(auditFile(), 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - TAIL_BYTES);
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(size - start), 0, size - start, start);
      text = buffer.subarray(0, bytesRead).toString('utf8');
      // Starting mid-file, the first line is probably partial.
      if (start > 0) text = text.slice(text.indexOf('\n') + 1);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: AuditRecord[] = [];
  for (const line of text.split('\n').reverse()) {
    if (records.length >= limit) break;
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as AuditRecord);
    } catch {
      // A torn last line from a crash mid-write: skip it.
    }
  }
  return records;
}
