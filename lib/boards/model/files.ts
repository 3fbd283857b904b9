import 'server-only';
import type { DownloadFormat } from '../../downloads';
import { boardFile, type DownloadFile, type Provenance } from '../../export/download-files';
import { exportTable } from '../../export/tables';
import { API_CACHE_CONTROL } from '../../http';
import { modelProfile, type ModelProfile } from '../../rankings/model-profile';
import { getModelHistory } from '../models/history';
import type { ServedDownload } from '../server';
import type { ModelDownloadQuery } from './board';
import { MODEL_HISTORY_COLUMNS } from './columns';

/** The model's every day since it first ranked; null when the history holds no such model. */
export async function serveModelDownload({ permaslug }: ModelDownloadQuery, format: DownloadFormat): Promise<ServedDownload | null> {
  const { history, asOf, dataDay, source } = await getModelHistory();
  const profile = modelProfile(history, permaslug, dataDay);
  return profile ? { ...modelHistoryDownloadFile(profile, { source, asOf, dataDay }, format), cacheControl: API_CACHE_CONTROL } : null;
}

/** A model's every day from its first day in a top 50 to the data day, oldest first. */
export function modelHistoryDownloadFile(profile: ModelProfile, provenance: Provenance, format: DownloadFormat): DownloadFile {
  return boardFile(
    { table: 'model', permaslug: profile.permaslug },
    provenance,
    exportTable(MODEL_HISTORY_COLUMNS, profile.points),
    { permaslug: profile.permaslug, author: profile.author },
    format,
  );
}
