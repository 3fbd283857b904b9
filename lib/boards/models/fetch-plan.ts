import 'server-only';
import { addDays, DATASET_START } from '../../utc-day';
import type { DatasetsClient } from '../../datasets/client';
import type { BudgetPartition } from '../budget';
import type { ModelDay } from '../../datasets/endpoints';

/**
 * The full rankings-daily history since the dataset start, fetched in chunks so that, in steady state,
 * only two calls a data day reach the upstream: the chunk holding the current month (its end moves
 * every day) and the one holding the previous month (recent figures can be restated). Everything older
 * is final and cached for good. Completed years are one chunk (≤ 366 days); the current year is split
 * by month, so a cold start costs (completed years + months so far this year) calls.
 */
export interface HistoryChunk {
  start: string;
  end: string;
  /** No figure in it can still change: cache forever. */
  final: boolean;
}

function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function endOfMonth(day: string): string {
  return addDays(monthStart(addDays(monthStart(day), 32)), -1);
}

export function planHistoryChunks(dataDay: string): HistoryChunk[] {
  if (dataDay < DATASET_START) return [];
  const restatable = monthStart(addDays(monthStart(dataDay), -1)); // first day of the previous month
  const year = Number(dataDay.slice(0, 4));
  const chunks: HistoryChunk[] = [];
  for (let y = Number(DATASET_START.slice(0, 4)); y < year; y += 1) {
    const start = `${y}-01-01` < DATASET_START ? DATASET_START : `${y}-01-01`;
    chunks.push({ start, end: `${y}-12-31`, final: `${y}-12-31` < restatable });
  }
  for (let month = `${year}-01-01`; month <= dataDay; month = addDays(endOfMonth(month), 1)) {
    const start = month < DATASET_START ? DATASET_START : month;
    const end = endOfMonth(month) < dataDay ? endOfMonth(month) : dataDay;
    chunks.push({ start, end, final: end < restatable });
  }
  return chunks;
}

export interface HistorySnapshot {
  rows: ModelDay[];
  /** The newest `as_of` among the chunks: how fresh the figures are. */
  asOf: string;
  dataDay: string;
  source: 'openrouter' | 'demo';
}

let memo: { signature: string; snapshot: HistorySnapshot } | undefined;

/**
 * Every rankings-daily row from the dataset start through the current data day. `background`: nobody
 * waits for it (the start-up warm-up), so its calls yield the minute to visitors (FetchOptions).
 */
export async function loadModelHistory(client: DatasetsClient<BudgetPartition>, { background = false }: { background?: boolean } = {}): Promise<HistorySnapshot> {
  const dataDay = client.dataDay();
  const chunks = await Promise.all(
    planHistoryChunks(dataDay).map((chunk) =>
      client.get('rankings-daily', { startDate: chunk.start, endDate: chunk.end }, { freshness: chunk.final ? 'final' : 'data-day', background }),
    ),
  );
  const signature = `${dataDay}|${chunks.map((c) => `${c.meta.startDate}:${c.fetchedAt}`).join('|')}`;
  if (memo?.signature === signature) return memo.snapshot;
  const snapshot: HistorySnapshot = {
    rows: chunks.flatMap((c) => c.rows),
    asOf: chunks.reduce((latest, c) => (c.meta.asOf > latest ? c.meta.asOf : latest), ''),
    dataDay,
    source: client.source,
  };
  memo = { signature, snapshot };
  return snapshot;
}
