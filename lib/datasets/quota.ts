import { utcDateOf } from '../utc-day';
import { DatasetsError } from './errors';

/**
 * The quota governor: every upstream attempt, retries included, must take a slot first. Limits mirror
 * the upstream's (per key per minute, per account per UTC day) and the daily budget is partitioned so
 * no class of traffic can starve the core datasets. State lives in a `QuotaStore` so it survives
 * restarts (file) and can be shared by several instances (a Redis store, later).
 */

export const PARTITIONS = ['core', 'apps', 'staff'] as const;
/**
 * core: model history and the default public views; apps: category/filter/window variants of the app
 * rankings; staff: explorer queries and manual refreshes.
 */
export type Partition = (typeof PARTITIONS)[number];

export interface QuotaPolicy {
  perMinute: number;
  perDay: number;
  /** Slots only `core` may use: other partitions stop this far below the limit. */
  coreReserve: { minute: number; day: number };
  /** Daily ceilings of the non-core partitions. */
  dayCaps: { apps: number; staff: number };
}

/** Splits the limits: core keeps 40 % of the day and a third of each minute; apps may use half the day, staff a tenth. */
export function defaultPolicy(perMinute: number, perDay: number): QuotaPolicy {
  return {
    perMinute,
    perDay,
    coreReserve: { minute: Math.floor(perMinute / 3), day: Math.floor(perDay * 0.4) },
    dayCaps: { apps: Math.floor(perDay * 0.5), staff: Math.floor(perDay * 0.1) },
  };
}

export interface QuotaState {
  /** UTC date the day counters belong to. */
  day: string;
  dayCounts: Record<Partition, number>;
  /** The attempts of the last minute (a sliding window, so no 60 s span ever exceeds the limit). */
  recent: { at: number; partition: Partition }[];
  /** Attempts per UTC hour of `day`, per partition (24 counts each): the staff console's chart. */
  hourly: Record<Partition, number[]>;
  /** Epoch ms before which no attempt may start: set by an upstream 429's Retry-After. */
  blockedUntil: number;
  lastSuccessAt: string | null;
}

export function emptyState(day: string): QuotaState {
  const hours = () => Array.from({ length: 24 }, () => 0);
  return { day, dayCounts: { core: 0, apps: 0, staff: 0 }, hourly: { core: hours(), apps: hours(), staff: hours() }, recent: [], blockedUntil: 0, lastSuccessAt: null };
}

export interface QuotaStore {
  /** Runs `update` on the current state atomically (no other update interleaves) and persists its result. */
  transact<T>(update: (state: QuotaState) => { state: QuotaState; result: T }): Promise<T>;
  read(): Promise<QuotaState>;
}

const MINUTE_MS = 60_000;

/** The state as of `now`: day counters reset on a new UTC day, attempts older than a minute dropped. */
export function rollForward(state: QuotaState, now: number): QuotaState {
  const day = utcDateOf(new Date(now));
  const base = state.day === day ? state : { ...emptyState(day), blockedUntil: state.blockedUntil, lastSuccessAt: state.lastSuccessAt };
  return { ...base, recent: base.recent.filter(({ at }) => at > now - MINUTE_MS) };
}

export type Decision =
  | { ok: true }
  | { ok: false; scope: 'minute' | 'day' | 'partition' | 'blocked'; retryAfterSeconds: number };

function secondsUntilNextUtcDay(now: number): number {
  return Math.ceil((Math.floor(now / 86_400_000 + 1) * 86_400_000 - now) / 1000);
}

/** Pure admission rule for one attempt of `partition` at `now`, given an already rolled-forward state. */
export function decide(state: QuotaState, partition: Partition, now: number, policy: QuotaPolicy): Decision {
  if (state.blockedUntil > now) {
    return { ok: false, scope: 'blocked', retryAfterSeconds: Math.ceil((state.blockedUntil - now) / 1000) };
  }
  const dayUsed = state.dayCounts.core + state.dayCounts.apps + state.dayCounts.staff;
  const isCore = partition === 'core';
  const dayHeadroom = isCore ? 0 : Math.max(0, policy.coreReserve.day - state.dayCounts.core);
  if (dayUsed + dayHeadroom >= policy.perDay) {
    return { ok: false, scope: 'day', retryAfterSeconds: secondsUntilNextUtcDay(now) };
  }
  if (!isCore && state.dayCounts[partition] >= policy.dayCaps[partition]) {
    return { ok: false, scope: 'partition', retryAfterSeconds: secondsUntilNextUtcDay(now) };
  }
  const minuteLimit = isCore ? policy.perMinute : policy.perMinute - policy.coreReserve.minute;
  if (state.recent.length >= minuteLimit) {
    const oldestThatMustExpire = state.recent[state.recent.length - minuteLimit]?.at ?? now;
    return { ok: false, scope: 'minute', retryAfterSeconds: Math.max(1, Math.ceil((oldestThatMustExpire + MINUTE_MS - now) / 1000)) };
  }
  return { ok: true };
}

/** Counts one admitted attempt in the minute window, the day and its hour. */
function admit(state: QuotaState, partition: Partition, now: number): QuotaState {
  const hour = new Date(now).getUTCHours();
  return {
    ...state,
    recent: [...state.recent, { at: now, partition }],
    dayCounts: { ...state.dayCounts, [partition]: state.dayCounts[partition] + 1 },
    hourly: { ...state.hourly, [partition]: state.hourly[partition].map((count, h) => (h === hour ? count + 1 : count)) },
  };
}

export interface QuotaSnapshot {
  day: string;
  minute: { used: number; limit: number };
  dayTotal: { used: number; limit: number; left: number };
  /** Per partition: attempts today and in the last minute, its daily cap and minute share, and what it may still spend today. */
  partitions: Record<Partition, { used: number; minute: number; left: number; cap: number; minuteCap: number }>;
  /** Attempts per UTC hour today, per partition. */
  hourly: Record<Partition, number[]>;
  blockedUntil: string | null;
  lastSuccessAt: string | null;
}

export class QuotaGovernor {
  constructor(
    private readonly store: QuotaStore,
    readonly policy: QuotaPolicy,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one attempt slot for `partition`, or throws a typed error saying when to try again. */
  async acquire(partition: Partition): Promise<void> {
    const decision = await this.store.transact<Decision>((current) => {
      const now = this.clock();
      const state = rollForward(current, now);
      const verdict = decide(state, partition, now, this.policy);
      if (!verdict.ok) return { state, result: verdict };
      return { state: admit(state, partition, now), result: verdict };
    });
    if (decision.ok) return;
    if (decision.scope === 'blocked') {
      throw new DatasetsError('rate_limited', `upstream asked us to wait ${decision.retryAfterSeconds}s`, {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
    throw new DatasetsError('budget_exhausted', `${partition} quota exhausted (${decision.scope} limit)`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }

  /** Honours an upstream 429: no attempt from any partition starts before `untilMs`. */
  async blockUntil(untilMs: number): Promise<void> {
    await this.store.transact((state) => ({ state: { ...state, blockedUntil: Math.max(state.blockedUntil, untilMs) }, result: undefined }));
  }

  async recordSuccess(): Promise<void> {
    const at = new Date(this.clock()).toISOString();
    await this.store.transact((state) => ({ state: { ...state, lastSuccessAt: at }, result: undefined }));
  }

  async snapshot(): Promise<QuotaSnapshot> {
    const now = this.clock();
    const state = rollForward(await this.store.read(), now);
    const used = state.dayCounts.core + state.dayCounts.apps + state.dayCounts.staff;
    const left = Math.max(0, this.policy.perDay - used);
    const nonCoreMinute = this.policy.perMinute - this.policy.coreReserve.minute;
    const minuteOf = (p: Partition) => state.recent.filter((r) => r.partition === p).length;
    const nonCoreLeft = (p: 'apps' | 'staff') =>
      Math.max(0, Math.min(this.policy.dayCaps[p] - state.dayCounts[p], left - Math.max(0, this.policy.coreReserve.day - state.dayCounts.core)));
    return {
      day: state.day,
      minute: { used: state.recent.length, limit: this.policy.perMinute },
      dayTotal: { used, limit: this.policy.perDay, left },
      partitions: {
        core: { used: state.dayCounts.core, minute: minuteOf('core'), left, cap: this.policy.perDay, minuteCap: this.policy.perMinute },
        apps: { used: state.dayCounts.apps, minute: minuteOf('apps'), left: nonCoreLeft('apps'), cap: this.policy.dayCaps.apps, minuteCap: nonCoreMinute },
        staff: { used: state.dayCounts.staff, minute: minuteOf('staff'), left: nonCoreLeft('staff'), cap: this.policy.dayCaps.staff, minuteCap: nonCoreMinute },
      },
      hourly: state.hourly,
      blockedUntil: state.blockedUntil > now ? new Date(state.blockedUntil).toISOString() : null,
      lastSuccessAt: state.lastSuccessAt,
    };
  }
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * A corrupt or foreign file must not crash the site or silently zero the counters: fail loudly. Files
 * written before attempts carried their partition (bare timestamps, no hourly counts) are upgraded.
 */
export function parseQuotaState(value: unknown): QuotaState {
  const v = upgrade(value) as Partial<QuotaState> | null;
  const valid =
    v !== null &&
    typeof v === 'object' &&
    typeof v.day === 'string' &&
    Array.isArray(v.recent) &&
    v.recent.every((r) => typeof r?.at === 'number' && PARTITIONS.includes(r.partition)) &&
    typeof v.blockedUntil === 'number' &&
    typeof v.dayCounts === 'object' &&
    v.dayCounts !== null &&
    PARTITIONS.every((p) => isCount(v.dayCounts?.[p])) &&
    typeof v.hourly === 'object' &&
    v.hourly !== null &&
    PARTITIONS.every((p) => Array.isArray(v.hourly?.[p]) && v.hourly[p].length === 24 && v.hourly[p].every(isCount));
  if (!valid) throw new Error('the stored quota state (DATA_DIR/quota.json or Redis) is not valid; delete it only if you accept resetting today\'s counters');
  return { ...(v as QuotaState), lastSuccessAt: typeof v.lastSuccessAt === 'string' ? v.lastSuccessAt : null };
}

function upgrade(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  const recent = Array.isArray(v.recent) ? v.recent.map((r: unknown) => (typeof r === 'number' ? { at: r, partition: 'core' } : r)) : v.recent;
  const hourly = v.hourly ?? (typeof v.day === 'string' ? emptyState(v.day).hourly : undefined);
  return { ...v, recent, hourly };
}
