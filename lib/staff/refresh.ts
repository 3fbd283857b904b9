import 'server-only';
import { revalidateTag } from 'next/cache';
import type { StaffUser } from '../auth/staff';
import { getDataLayerStatus, isDatasetsError, listHeldDatasets, refetchHeldDataset, type CacheEntrySummary } from '../data-layer';
import { TAGS } from '../datasets/keys';
import { recordAudit } from '../audit';

export type RefreshTarget = { kind: 'dataset'; key: string } | { kind: 'day' };

export interface RefreshResult {
  ok: boolean;
  message: string;
}

/** What the refresh form's CSRF token is issued for. */
export const REFRESH_PURPOSE = 'refresh';

/** Staff budget kept back after a refresh, so the explorer still works for the rest of the day. */
export const STAFF_BUDGET_FLOOR = 5;

/**
 * Which held datasets a refresh fetches again: one by key, or every dataset of the current data day
 * that can still change (final windows never do).
 */
export function refreshPlan(target: RefreshTarget, held: readonly CacheEntrySummary[], dataDay: string): CacheEntrySummary[] {
  if (target.kind === 'dataset') return held.filter((dataset) => dataset.key === target.key);
  return held.filter((dataset) => !dataset.final && dataset.dataDay === dataDay);
}

/** Why a refresh of `calls` upstream calls must not start now, or null when it may. */
export function refusalReason(calls: number, status: { circuit: string; budget: { blockedUntil: string | null; partitions: { staff: { left: number } } } }): string | null {
  if (calls === 0) return 'There is nothing to refresh: no matching dataset is held.';
  if (status.circuit === 'open') return 'Upstream calls are paused after repeated failures (circuit open); try again when it closes.';
  if (status.budget.blockedUntil) return `The upstream asked us to wait until ${status.budget.blockedUntil}.`;
  const left = status.budget.partitions.staff.left;
  if (left - calls < STAFF_BUDGET_FLOOR) {
    return `The staff budget is too thin: ${left} call${left === 1 ? '' : 's'} left today, this refresh needs ${calls} and ${STAFF_BUDGET_FLOOR} are kept for the explorer.`;
  }
  return null;
}

/** A refresh of more datasets than the staff share of a minute waits for the window, this long at most. */
export const MAX_PACED_MS = 3 * 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One dataset, waiting out the per-minute limit when that is all that stands in the way (a data day can
 * hold more datasets than the staff share of a minute). Returns the failure, if any.
 */
async function refetchPaced(key: string, started: number): Promise<{ message: string; final: boolean } | null> {
  for (;;) {
    try {
      await refetchHeldDataset(key, 'staff');
      return null;
    } catch (error) {
      if (!isDatasetsError(error)) return { message: 'unexpected error', final: false };
      const waitMs = (error.retryAfterSeconds ?? 0) * 1000;
      const minuteLimit = error.code === 'budget_exhausted' && waitMs <= 60_000;
      if (minuteLimit && Date.now() + waitMs - started <= MAX_PACED_MS) {
        await sleep(waitMs);
        continue;
      }
      return { message: error.message, final: ['budget_exhausted', 'rate_limited', 'circuit_open'].includes(error.code) };
    }
  }
}

/**
 * Fetches the target again now (charged to the staff partition), then revalidates the pages built
 * from it so their next request regenerates them from the new figures. Recorded in the audit trail.
 */
export async function refreshNow(staff: StaffUser, target: RefreshTarget): Promise<RefreshResult> {
  const [status, held] = await Promise.all([getDataLayerStatus(), listHeldDatasets().catch(() => null)]);
  if (held === null) return { ok: false, message: 'The shared store (Redis) is not answering, so nothing was refreshed. Try again when it is back.' };
  const plan = refreshPlan(target, held, status.dataDay);
  const what = target.kind === 'day' ? `data day ${status.dataDay} (${plan.length} datasets)` : `dataset ${target.key}`;
  const refusal = refusalReason(plan.length, status);
  if (refusal) {
    await recordAudit({ actor: staff.email, action: 'refresh', detail: `${what}: ${refusal}`, outcome: 'refused' });
    return { ok: false, message: refusal };
  }
  const failures: string[] = [];
  const started = Date.now();
  for (const dataset of plan) {
    const failure = await refetchPaced(dataset.key, started);
    if (failure) {
      failures.push(`${dataset.key}: ${failure.message}`);
      // Out of budget or the upstream paused us: the rest would fail the same way.
      if (failure.final) break;
    }
  }
  const refreshed = plan.length - failures.length;
  if (refreshed > 0) {
    // expire: 0 — the next request regenerates instead of serving the old page once more.
    if (target.kind === 'day') revalidateTag(TAGS.dataDay(status.dataDay), { expire: 0 });
    for (const endpoint of new Set(plan.map((dataset) => dataset.endpoint))) revalidateTag(TAGS.dataset(endpoint), { expire: 0 });
  }
  const message =
    failures.length === 0
      ? `Refreshed ${what}. Pages built from it regenerate on their next request.`
      : `Refreshed ${refreshed} of ${plan.length}; failed: ${failures.slice(0, 3).join('; ')}`;
  await recordAudit({ actor: staff.email, action: 'refresh', detail: `${what}: ${message}`, outcome: failures.length === 0 ? 'ok' : 'failed' });
  return { ok: failures.length === 0, message };
}
