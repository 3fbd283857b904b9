import 'server-only';
import type { Logger } from '../log';
import type { Admission, AdmissionCheck, ViewRequests } from '../view-admission';
import type { ResponseCache } from './cache';
import type { QuotaGovernor } from './quota';

/**
 * The check middleware.ts asks before a view is rendered (lib/view-admission.ts). A view whose first
 * pages are held (today's, or yesterday's: its page keeps being served while it regenerates) passes.
 * Otherwise its missing calls are reserved if its partition can pay for them within `waitMs` (the pages
 * after the first only when the view says they will be needed, else if there is room); if not, the
 * refusal is returned, and logged once per episode (partition and scope), not per request.
 */
export function createViewAdmission(options: { governor: QuotaGovernor; cache: ResponseCache; waitMs: number; log: Logger; now?: () => number }): AdmissionCheck {
  const now = options.now ?? Date.now;
  const episodes = new Map<string, number>();
  const heldEach = (keys: readonly string[]) => Promise.all(keys.map(async (key) => (await options.cache.get(key)) !== undefined));
  const heldAll = async (keys: readonly string[]) => keys.length > 0 && (await heldEach(keys)).every(Boolean);

  return async (view: ViewRequests): Promise<Admission> => {
    // One read per key: this runs in middleware on every request for an apps view.
    const firstHeld = await heldEach(view.calls.map((call) => call.first));
    if (firstHeld.every(Boolean) || (await heldAll(view.before))) return { ok: true };
    const missing = view.calls.filter((_, i) => !firstHeld[i]);
    const required = missing.flatMap((call) => (view.full && call.next ? [call.first, call.next] : [call.first]));
    const decision = await options.governor.reserve(view.partition, required, options.waitMs);
    if (decision.ok) {
      // A page after the first, if there turns out to be one, is paid when it is reached (within the visitor wait).
      if (!view.full) for (const call of missing) if (call.next) await options.governor.reserve(view.partition, [call.next]);
      return decision;
    }
    const episode = `${view.partition}:${decision.scope}`;
    const at = now();
    if ((episodes.get(episode) ?? 0) <= at) {
      options.log('view_admission_refused', { partition: view.partition, scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds }, 'warn');
    }
    episodes.set(episode, at + decision.retryAfterSeconds * 1000);
    return decision;
  };
}
