import 'server-only';
import { clearColdOutage, reportColdOutage } from './availability';
import { getDatasets, hasCachedData, isDatasetsError, type DataSource } from './datasets';
import { loadModelHistory, type HistorySnapshot } from './datasets/history';
import { reportKnownModels } from './known-models';
import { buildHistory, type ModelHistory } from './rankings/history';
import { knownPermaslugs } from './rankings/model-profile';

export interface ModelHistoryData {
  history: ModelHistory;
  asOf: string;
  dataDay: string;
  source: DataSource;
}

const built = new WeakMap<HistorySnapshot, { history: ModelHistory; permaslugs: ReadonlySet<string> }>();

/**
 * The ranked daily model history since 2025-01-01, from which every model view is computed.
 * `background`: for the start-up warm-up only (its upstream calls yield to visitors').
 */
export async function getModelHistory({ background = false }: { background?: boolean } = {}): Promise<ModelHistoryData> {
  let snapshot: HistorySnapshot;
  try {
    snapshot = await loadModelHistory(getDatasets(), { background });
  } catch (error) {
    if (isDatasetsError(error) && !(await hasCachedData())) reportColdOutage(error.retryAfterSeconds ?? 30);
    throw error;
  }
  clearColdOutage();
  let entry = built.get(snapshot);
  if (!entry) {
    const history = buildHistory(snapshot.rows);
    entry = { history, permaslugs: new Set(knownPermaslugs(history)) };
    built.set(snapshot, entry);
  }
  const { history, permaslugs } = entry;
  reportKnownModels(snapshot.dataDay, permaslugs);
  return { history, asOf: snapshot.asOf, dataDay: snapshot.dataDay, source: snapshot.source };
}
