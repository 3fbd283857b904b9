/**
 * Admission of views nobody has fetched yet, published process-wide by the data layer when it is built
 * (lib/datasets/admission.ts), so that middleware.ts can answer 503 with Retry-After when the budget
 * cannot pay for a view's first upstream calls right now, instead of letting its render fail as a 500.
 * Same pattern as lib/availability.ts: no runtime imports, no I/O, nothing but a function held on globalThis.
 */
import type { Partition } from './datasets/quota';

const KEY = Symbol.for('tokenboard.viewAdmission');

/** The upstream requests a view starts with, as request keys (lib/datasets/keys.ts). */
export interface ViewRequests {
  /** The quota partition that pays for the view. */
  partition: Partition;
  /**
   * Per request the view starts with: its key (`first`) and, for a paged request, the page after it
   * (needed only if the first is full; lib/boards/apps/view-requests.ts).
   */
  calls: { first: string; next?: string }[];
  /**
   * The first pages are expected full (an unfiltered view lists far more apps than a page holds), so
   * the next pages must be paid too; otherwise they are reserved only if there is room.
   */
  full: boolean;
  /** The first pages of the same view one data day earlier: held, the view has a page that keeps being served. */
  before: string[];
}

export type Admission = { ok: true } | { ok: false; scope: string; retryAfterSeconds: number };

export type AdmissionCheck = (view: ViewRequests) => Promise<Admission>;

type Holder = typeof globalThis & { [KEY]?: AdmissionCheck };

export function registerViewAdmission(check: AdmissionCheck): void {
  (globalThis as Holder)[KEY] = check;
}

/** Admitted when no check is registered yet (the data layer is not built in this process) or the check fails. */
export async function admitView(view: ViewRequests): Promise<Admission> {
  const check = (globalThis as Holder)[KEY];
  if (!check) return { ok: true };
  try {
    return await check(view);
  } catch {
    return { ok: true };
  }
}
