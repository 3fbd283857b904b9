import { rankingsDailyUpstreamQuery } from '../../datasets/endpoints/rankings-daily';
import { requestKey } from '../../datasets/keys';
import { addDays } from '../../utc-day';
import type { ViewRequests } from '../../view-admission';
import { partitionOf } from './plan';
import { SLICES, type Slice } from './slices';
import { sliceRequests, sliceWindow, windowRequests, type SliceRequest } from './windows';

/**
 * The upstream requests of a slice view, as pure functions: lib/boards/slices/history.ts loads them,
 * middleware.ts asks the data layer to admit them (lib/view-admission.ts), so that a board or hub nobody
 * has fetched yet answers 503 with Retry-After when the budget cannot pay for it, rather than failing.
 */

/** A board (its whole history) or the hub and "Where it ranks" (every slice's last completed week). */
export type SliceViewScope = { board: Slice } | 'hub';

function requestsOf(scope: SliceViewScope, dataDay: string): SliceRequest[] {
  if (scope !== 'hub') return sliceRequests(scope.board, dataDay);
  return SLICES.flatMap((slice) => {
    const week = sliceWindow(slice, 'week', dataDay);
    return week ? windowRequests(slice, week, dataDay) : [];
  });
}

const keyOf = (request: SliceRequest) => requestKey('rankings-daily', rankingsDailyUpstreamQuery(request.query));

/**
 * The view's requests on `dataDay`, one admission per partition that pays for some of them (core pays
 * each slice's newest block and its last week's, `slices` the older blocks: lib/boards/slices/plan.ts).
 * A view is held when its requests of the day before are: its page keeps being served while it regenerates.
 */
export function sliceViewRequests(scope: SliceViewScope, dataDay: string): ViewRequests[] {
  const before = requestsOf(scope, addDays(dataDay, -1)).map(keyOf);
  const byPartition = new Map<ViewRequests['partition'], string[]>();
  for (const request of requestsOf(scope, dataDay)) {
    const partition = partitionOf(request, dataDay);
    byPartition.set(partition, [...(byPartition.get(partition) ?? []), keyOf(request)]);
  }
  return [...byPartition].map(([partition, keys]) => ({ partition, calls: keys.map((first) => ({ first })), full: false, before }));
}
