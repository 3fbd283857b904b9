import 'server-only';
import { clearColdOutage, reportColdOutage } from '../../availability';
import { getDatasets, hasCachedData, isDatasetsError, type DataSource, type ModelDay } from '../../data-layer';
import type { DatasetsClient } from '../../datasets/client';
import { tagPageData } from '../../page-tags';
import type { BudgetPartition } from '../budget';
import { partitionOf } from './plan';
import { buildSliceHistory, type SliceHistory } from './rows';
import { SLICES, type Slice } from './slices';
import { sliceRequests, sliceWindow, windowRequests, type SliceRequest } from './windows';

/**
 * A slice board's figures through the governed data layer: the requests lib/boards/slices/windows.ts
 * plans (fixed week-aligned blocks, final ones cached for good), paid as lib/boards/slices/plan.ts says
 * (each slice's newest block, and any older one its last week needs, by core; other older blocks by the
 * capped `slices` partition).
 */

export interface SliceData {
  history: SliceHistory;
  /** The newest `as_of` among the requests: how fresh the figures are. */
  asOf: string;
  dataDay: string;
  source: DataSource;
}

/** `all`: the slice's whole history (its board); `week`: what its last completed week needs (the hub, "Where it ranks"). */
export type SliceScope = 'all' | 'week';

const memo = new Map<string, { signature: string; data: SliceData }>();

/** The requests of a slice on `dataDay`: its whole history, or only what its week window needs (the hub, "Where it ranks"). */
function requestsOf(slice: Slice, dataDay: string, scope: SliceScope): SliceRequest[] {
  if (scope === 'all') return sliceRequests(slice, dataDay);
  const week = sliceWindow(slice, 'week', dataDay);
  return week ? windowRequests(slice, week, dataDay) : [];
}

/** A slice's figures through `client` (the data layer's, or a test's). */
export async function loadSliceData(client: DatasetsClient<BudgetPartition>, slice: Slice, scope: SliceScope, { background = false }: { background?: boolean } = {}): Promise<SliceData> {
  const dataDay = client.dataDay();
  const requests = requestsOf(slice, dataDay, scope);
  const parts = await Promise.all(
    requests.map((request) =>
      client.get('rankings-daily', request.query, { freshness: request.freshness, partition: partitionOf(request, dataDay), background }),
    ),
  );
  const memoKey = `${slice.id}|${scope}`;
  const signature = `${dataDay}|${parts.map((p) => `${p.meta.startDate}:${p.fetchedAt}`).join('|')}`;
  const held = memo.get(memoKey);
  if (held?.signature === signature) return held.data;
  const rows: ModelDay[] = parts.flatMap((p) => p.rows);
  const data: SliceData = {
    history: buildSliceHistory(slice, rows, dataDay),
    asOf: parts.reduce((latest, p) => (p.meta.asOf > latest ? p.meta.asOf : latest), ''),
    dataDay,
    source: client.source,
  };
  memo.set(memoKey, { signature, data });
  return data;
}

async function read(slice: Slice, scope: SliceScope): Promise<SliceData> {
  try {
    const data = await loadSliceData(getDatasets(), slice, scope);
    clearColdOutage();
    return data;
  } catch (error) {
    if (isDatasetsError(error) && !(await hasCachedData())) reportColdOutage(error.retryAfterSeconds ?? 30);
    throw error;
  }
}

/** A slice's whole history since the data starts (a board page, its files, card and widget), tagging the render. */
export async function getSliceHistory(slice: Slice): Promise<SliceData> {
  const data = await read(slice, 'all');
  await tagPageData(data.dataDay, ['rankings-daily']);
  return data;
}

/**
 * Every slice's figures for its last completed week (the hub and the model pages' "Where it ranks"), in
 * slice order, tagging the render. Reads the blocks holding that week and the one it is compared with:
 * the newest, and in a block's first two weeks the one before, all paid by core (plan.ts partitionOf).
 * Steady state holds them all, so only a cold cache pays.
 */
export async function getSliceWeeks(): Promise<SliceData[]> {
  const all = await Promise.all(SLICES.map((slice) => read(slice, 'week')));
  await tagPageData(all[0]!.dataDay, ['rankings-daily']);
  return all;
}

/** Every slice's whole history through `client`, one slice after another: a cold start of every board (the budget tests). */
export async function sweepSlices(client: DatasetsClient<BudgetPartition>, options: { background?: boolean } = {}): Promise<SliceData[]> {
  const all: SliceData[] = [];
  for (const slice of SLICES) all.push(await loadSliceData(client, slice, 'all', options));
  return all;
}
