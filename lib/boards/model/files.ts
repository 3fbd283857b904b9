import 'server-only';
import type { DownloadFormat } from '../../downloads';
import { modelHistoryDownloadFile } from '../../export/download-files';
import { API_CACHE_CONTROL } from '../../http';
import { modelProfile } from '../../rankings/model-profile';
import { getModelHistory } from '../models/history';
import type { ServedDownload } from '../server';
import type { ModelDownloadQuery } from './board';

/** The model's every day since it first ranked; null when the history holds no such model. */
export async function serveModelDownload({ permaslug }: ModelDownloadQuery, format: DownloadFormat): Promise<ServedDownload | null> {
  const { history, asOf, dataDay, source } = await getModelHistory();
  const profile = modelProfile(history, permaslug, dataDay);
  return profile ? { ...modelHistoryDownloadFile(profile, { source, asOf, dataDay }, format), cacheControl: API_CACHE_CONTROL } : null;
}
