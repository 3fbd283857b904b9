import { sharePercent, type ExportColumn } from '../../export/tables';
import type { AppsViewRow } from './types';

/** The columns of an app view's downloads and of the staff explorer's app exports. */
export const APP_COLUMNS: readonly ExportColumn<AppsViewRow>[] = [
  { name: 'rank', value: (row) => row.rank },
  { name: 'app_id', value: (row) => row.appId },
  { name: 'app_name', value: (row) => row.appName },
  { name: 'total_tokens', value: (row) => row.tokens },
  { name: 'total_requests', value: (row) => row.requests },
  { name: 'tokens_per_request', value: (row) => row.tokensPerRequest },
  { name: 'share_percent', value: (row) => sharePercent(row.shareBp) },
];

/** For views compared with the previous window (unfiltered ones), as the public table shows them. */
export const APP_MOVEMENT_COLUMNS: readonly ExportColumn<AppsViewRow>[] = [
  ...APP_COLUMNS,
  { name: 'movement', value: (row) => row.movement },
  { name: 'is_new', value: (row) => row.isNew },
];
