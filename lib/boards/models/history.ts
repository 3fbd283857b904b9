import 'server-only';
import { clearColdOutage, reportColdOutage } from '../../availability';
import { getDatasets, hasCachedData, isDatasetsError, type DataSource } from '../../data-layer';
import { loadModelHistory, type HistorySnapshot } from './fetch-plan';
import { tagPageData } from '../../page-tags';
import { reportKnownModels } from '../../known-models';
import { buildHistory, type ModelHistory } from '../../rankings/history';
import { knownPermaslugs } from '../../rankings/model-profile';

export interface ModelHistoryData {
  history: ModelHistory;
  asOf: string;
  dataDay: string;
  source: DataSource;
}

const built = new WeakMap<HistorySnapshot, { history: ModelHistory; permaslugs: ReadonlySet<string> }>();

/**
 * The ranked daily model history since 2025-01-01, from which every model view is computed. The page,
 * card, widget or file being rendered is tagged with the data day and the operation (lib/page-tags.ts),
 * so a staff refresh regenerates everything built from it.
 */
export async function getModelHistory(): Promise<ModelHistoryData> {
  const data = await readModelHistory();
  await tagPageData(data.dataDay, ['rankings-daily']);
  return data;
}

/**
 * The history without tagging a render. `background`: for the start-up warm-up, which renders nothing and
 * which nobody waits for (its upstream calls yield to visitors').
 */
export async function readModelHistory({ background = false }: { background?: boolean } = {}): Promise<ModelHistoryData> {
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
