import { utcDateOf } from '../utc-day';
import { DatasetsError } from './errors';

/**
 * The quota governor: every upstream attempt, retries included, must take a slot first. Limits mirror
 * the upstream's (per key per minute, per account per UTC day) and the daily budget is partitioned so
 * no class of traffic can starve the core datasets. State lives in a `QuotaStore` so it survives
 * restarts (file) and can be shared by several instances (a Redis store, later).
 */

/**
 * A budget partition's name. The product's budget plan names them (lib/boards/budget.ts); the governor
 * only counts per name, so a new partition is a line in the plan, not a change here.
 */
export type Partition = string;

/** How one partition shares the limits: the reserved partition keeps slots no other may use; the others are capped. */
export type PartitionShare =
  /** Shares of the minute and of the day that only this partition may use (it may use all the rest too). */
  | { reserve: { minute: number; day: number } }
  /** Share of the day this partition may use at most (and never the reserved partition's slots). */
  | { dayCap: number };

/** Every partition by name, exactly one of them reserved. */
export type BudgetPlan = Readonly<Record<string, PartitionShare>>;

export interface QuotaPolicy {
  perMinute: number;
  perDay: number;
  /** The partition whose reserve the others may not use. */
  reserved: Partition;
  /** Slots only the reserved partition may use: the others stop this far below the limit. */
  reserve: { minute: number; day: number };
  /** Daily ceilings of the other partitions. */
  dayCaps: Readonly<Record<Partition, number>>;
}

/** The plan's shares as attempt counts under the given limits. */
export function policyFor(plan: BudgetPlan, perMinute: number, perDay: number): QuotaPolicy {
  const reserved = Object.entries(plan).flatMap(([name, share]) => ('reserve' in share ? [[name, share.reserve] as const] : []));
  if (reserved.length !== 1) throw new Error(`a budget plan reserves exactly one partition (this one reserves ${reserved.length})`);
  const [[name, reserve]] = reserved as [readonly [string, { minute: number; day: number }]];
  const dayCaps = Object.fromEntries(
    Object.entries(plan).flatMap(([p, share]) => ('dayCap' in share ? [[p, Math.floor(perDay * share.dayCap)]] : [])),
  );
  return { perMinute, perDay, reserved: name, reserve: { minute: Math.floor(perMinute * reserve.minute), day: Math.floor(perDay * reserve.day) }, dayCaps };
}

/** The partitions of a policy, the reserved one first. */
export function partitionsOf(policy: QuotaPolicy): Partition[] {
  return [policy.reserved, ...Object.keys(policy.dayCaps)];
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

/** Counters are keyed by partition name and start when a partition first spends: a missing name has spent 0. */
export function emptyState(day: string): QuotaState {
  return { day, dayCounts: {}, hourly: {}, recent: [], blockedUntil: 0, lastSuccessAt: null };
}

const emptyHours = () => Array.from({ length: 24 }, () => 0);

/** Attempts of every partition today, those of partitions no longer in the plan included (they spent real budget). */
function dayTotal(state: QuotaState): number {
  return Object.values(state.dayCounts).reduce((sum, count) => sum + count, 0);
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

/** An attempt promised but not started yet (a reservation): it counts as if it had started. */
export interface PendingAttempt {
  at: number;
  partition: Partition;
}

export interface DecideContext {
  /** Reserved attempts of other requests: they hold their slots of the minute and the day. */
  pending?: readonly PendingAttempt[];
  /** Background work (the start-up warm-up) yields: it may only use the first third of a minute. */
  background?: boolean;
  /**
   * The attempt holds a reservation, whose partition share was checked when it was made: only the
   * upstream's own limits (and its Retry-After) apply.
   */
  reserved?: boolean;
}

/** Background attempts stop once this many attempts (any partition) are in the minute window. */
export function backgroundMinuteLimit(policy: QuotaPolicy): number {
  return Math.max(1, Math.floor(policy.perMinute / 3));
}

function secondsUntilNextUtcDay(now: number): number {
  return Math.ceil((Math.floor(now / 86_400_000 + 1) * 86_400_000 - now) / 1000);
}

/**
 * Pure admission rule for one attempt of `partition` at `now`, given an already rolled-forward state
 * (and, in `context`, the reservations held and the attempt's priority).
 */
export function decide(state: QuotaState, partition: Partition, now: number, policy: QuotaPolicy, context: DecideContext = {}): Decision {
  if (state.blockedUntil > now) {
    return { ok: false, scope: 'blocked', retryAfterSeconds: Math.ceil((state.blockedUntil - now) / 1000) };
  }
  const pending = context.pending ?? [];
  if (pending.length > 0) {
    const dayCounts = { ...state.dayCounts };
    for (const p of pending) dayCounts[p.partition] = (dayCounts[p.partition] ?? 0) + 1;
    const recent = [...state.recent, ...pending.map(({ at, partition: p }) => ({ at, partition: p }))].sort((a, b) => a.at - b.at);
    return decide({ ...state, dayCounts, recent }, partition, now, policy, { ...context, pending: [] });
  }
  const dayUsed = dayTotal(state);
  if (context.reserved) {
    if (dayUsed >= policy.perDay) return { ok: false, scope: 'day', retryAfterSeconds: secondsUntilNextUtcDay(now) };
    return minuteDecision(state, policy.perMinute, now);
  }
  const isReserved = partition === policy.reserved;
  const cap = policy.dayCaps[partition];
  if (!isReserved && cap === undefined) throw new Error(`no budget partition named ${partition}`);
  const dayHeadroom = isReserved ? 0 : Math.max(0, policy.reserve.day - (state.dayCounts[policy.reserved] ?? 0));
  if (dayUsed + dayHeadroom >= policy.perDay) {
    return { ok: false, scope: 'day', retryAfterSeconds: secondsUntilNextUtcDay(now) };
  }
  if (!isReserved && (state.dayCounts[partition] ?? 0) >= cap!) {
    return { ok: false, scope: 'partition', retryAfterSeconds: secondsUntilNextUtcDay(now) };
  }
  const shareLimit = isReserved ? policy.perMinute : policy.perMinute - policy.reserve.minute;
  return minuteDecision(state, context.background ? Math.min(shareLimit, backgroundMinuteLimit(policy)) : shareLimit, now);
}

function minuteDecision(state: QuotaState, minuteLimit: number, now: number): Decision {
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
    dayCounts: { ...state.dayCounts, [partition]: (state.dayCounts[partition] ?? 0) + 1 },
    hourly: { ...state.hourly, [partition]: (state.hourly[partition] ?? emptyHours()).map((count, h) => (h === hour ? count + 1 : count)) },
  };
}

/** `P`: the plan's partition names, for a caller that knows the plan (the governor itself counts any name). */
export interface QuotaSnapshot<P extends Partition = Partition> {
  day: string;
  minute: { used: number; limit: number };
  dayTotal: { used: number; limit: number; left: number };
  /**
   * Per partition of the policy, the reserved one first: attempts today and in the last minute, its daily
   * cap and minute share, and what it may still spend today.
   */
  partitions: Record<P, { used: number; minute: number; left: number; cap: number; minuteCap: number }>;
  /** Attempts per UTC hour today, per partition of the policy. */
  hourly: Record<P, number[]>;
  blockedUntil: string | null;
  lastSuccessAt: string | null;
}

export type Priority = 'visitor' | 'background';

export interface AcquireOptions {
  /** The request the attempt is for (lib/datasets/keys.ts): an attempt consumes the reservation of its request. */
  key?: string;
  /**
   * Read before each try, so a background request that a visitor joins is promoted while it waits.
   * Background attempts wait for a slot (however long) instead of failing on the minute or a Retry-After.
   */
  priority?: () => Priority;
  /** A visitor waits up to this long for a minute slot or a Retry-After to lapse before failing. */
  waitMs?: number;
}

/** How long a reservation holds its slot if no attempt consumes it. */
export const RESERVATION_MS = 30_000;

// Unref'd: a wait cut short by wake() must not keep the process alive until its timer fires.
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class QuotaGovernor {
  /**
   * Slots promised to requests about to be made (middleware admits a never-fetched view only if its
   * calls can be paid now, and reserves them so a burst of such views is not all told yes for the same
   * free slots). Per process: with REDIS_URL each instance reserves from the shared counters on its own,
   * and an attempt holding a reservation is still refused past the upstream's own limits.
   */
  private readonly reservations = new Map<string, PendingAttempt>();
  private wakeUp: () => void = () => undefined;
  private woken: Promise<void> = this.nextWake();

  constructor(
    private readonly store: QuotaStore,
    readonly policy: QuotaPolicy,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {}

  private nextWake(): Promise<void> {
    return new Promise<void>((resolve) => (this.wakeUp = resolve));
  }

  /** Ends every wait now, so waiters try again (a slot was released, or a waiter was promoted). */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.woken = this.nextWake();
    wakeUp();
  }

  private pause(ms: number): Promise<void> {
    return Promise.race([this.sleep(ms), this.woken]);
  }

  private pendingExcept(keys: ReadonlySet<string>, now: number): PendingAttempt[] {
    const pending: PendingAttempt[] = [];
    for (const [key, reservation] of this.reservations) {
      if (reservation.at + RESERVATION_MS <= now) this.reservations.delete(key);
      else if (!keys.has(key)) pending.push(reservation);
    }
    return pending;
  }

  /**
   * Takes one attempt slot for `partition`, or throws a typed error saying when to try again. With
   * `waitMs`, a refusal for the minute or a Retry-After that lapses within it is waited out first.
   */
  async acquire(partition: Partition, options: AcquireOptions = {}): Promise<void> {
    let deadline = this.clock() + (options.waitMs ?? 0);
    let wasBackground = false;
    for (;;) {
      const background = options.priority?.() === 'background';
      // Promoted: the visitor who joined waits from now, not from when the background attempt began.
      if (wasBackground && !background) deadline = this.clock() + (options.waitMs ?? 0);
      wasBackground = background;
      const key = options.key;
      const decision = await this.store.transact<Decision>((current) => {
        const now = this.clock();
        const state = rollForward(current, now);
        const pending = this.pendingExcept(new Set(key === undefined ? [] : [key]), now);
        const reserved = key !== undefined && this.reservations.has(key);
        const verdict = decide(state, partition, now, this.policy, { pending, background: background && !reserved, reserved });
        if (!verdict.ok) return { state, result: verdict };
        return { state: admit(state, partition, now), result: verdict };
      });
      if (decision.ok) {
        if (key !== undefined) this.reservations.delete(key);
        return;
      }
      const waitable = decision.scope === 'minute' || decision.scope === 'blocked';
      const left = background ? Infinity : deadline - this.clock();
      if (waitable && left > 0) {
        // Until the slot frees, or sooner if a reservation is released; a visitor no longer than its wait.
        await this.pause(Math.min(decision.retryAfterSeconds * 1000, left));
        continue;
      }
      throw refusal(partition, decision);
    }
  }

  /**
   * Reserves a slot for each of `keys` not reserved yet, all or none, if `partition` may pay for them
   * now, waiting up to `waitMs` for slots to free. Returns the refusal when it may not.
   */
  async reserve(partition: Partition, keys: readonly string[], waitMs = 0): Promise<Decision> {
    const deadline = this.clock() + waitMs;
    for (;;) {
      const missing = new Set(keys.filter((key) => !this.reservations.has(key)));
      if (missing.size === 0) return { ok: true };
      const decision = await this.store.transact<Decision>((current) => {
        const now = this.clock();
        const state = rollForward(current, now);
        const pending = this.pendingExcept(missing, now);
        for (let n = 0; n < missing.size; n += 1) {
          const verdict = decide(state, partition, now, this.policy, { pending });
          if (!verdict.ok) return { state, result: verdict };
          pending.push({ at: now, partition });
        }
        return { state, result: { ok: true } };
      });
      if (decision.ok) {
        const at = this.clock();
        for (const key of missing) this.reservations.set(key, { at, partition });
        return decision;
      }
      const left = deadline - this.clock();
      if ((decision.scope !== 'minute' && decision.scope !== 'blocked') || left <= 0) return decision;
      // Slots free when attempts leave the minute, and sooner when a reservation is released.
      await this.pause(Math.min(decision.retryAfterSeconds * 1000, left));
    }
  }

  /** Gives back the reservation of a request that will not be made (e.g. a page after the last). */
  release(key: string): void {
    if (this.reservations.delete(key)) this.wake();
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
    const { perDay, perMinute, reserved, reserve, dayCaps } = this.policy;
    const used = dayTotal(state);
    const left = Math.max(0, perDay - used);
    const spent = (p: Partition) => state.dayCounts[p] ?? 0;
    const reserveHeld = Math.max(0, reserve.day - spent(reserved));
    const share = (p: Partition) =>
      p === reserved
        ? { cap: perDay, minuteCap: perMinute, left }
        : { cap: dayCaps[p]!, minuteCap: perMinute - reserve.minute, left: Math.max(0, Math.min(dayCaps[p]! - spent(p), left - reserveHeld)) };
    const partitions = partitionsOf(this.policy);
    return {
      day: state.day,
      minute: { used: state.recent.length, limit: perMinute },
      dayTotal: { used, limit: perDay, left },
      partitions: Object.fromEntries(
        partitions.map((p) => [p, { used: spent(p), minute: state.recent.filter((r) => r.partition === p).length, ...share(p) }]),
      ),
      hourly: Object.fromEntries(partitions.map((p) => [p, state.hourly[p] ?? emptyHours()])),
      blockedUntil: state.blockedUntil > now ? new Date(state.blockedUntil).toISOString() : null,
      lastSuccessAt: state.lastSuccessAt,
    };
  }
}

function refusal(partition: Partition, decision: Extract<Decision, { ok: false }>): DatasetsError {
  if (decision.scope === 'blocked') {
    return new DatasetsError('rate_limited', `upstream asked us to wait ${decision.retryAfterSeconds}s`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  return new DatasetsError('budget_exhausted', `${partition} quota exhausted (${decision.scope} limit)`, {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isRecordOf = (value: unknown, valid: (entry: unknown) => boolean) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(valid);

/**
 * A corrupt or foreign file must not crash the site or silently zero the counters: fail loudly. Counters
 * are keyed by partition name, so a plan that adds or drops a partition reads the same state. Files
 * written before attempts carried their partition (bare timestamps, no hourly counts) are upgraded.
 */
export function parseQuotaState(value: unknown): QuotaState {
  const v = upgrade(value) as Partial<QuotaState> | null;
  const valid =
    v !== null &&
    typeof v === 'object' &&
    typeof v.day === 'string' &&
    Array.isArray(v.recent) &&
    v.recent.every((r) => typeof r?.at === 'number' && typeof r.partition === 'string') &&
    typeof v.blockedUntil === 'number' &&
    isRecordOf(v.dayCounts, isCount) &&
    isRecordOf(v.hourly, (hours) => Array.isArray(hours) && hours.length === 24 && hours.every(isCount));
  if (!valid) throw new Error('the stored quota state (DATA_DIR/quota.json or Redis) is not valid; delete it only if you accept resetting today\'s counters');
  return { ...(v as QuotaState), lastSuccessAt: typeof v.lastSuccessAt === 'string' ? v.lastSuccessAt : null };
}

/** Attempts recorded before attempts carried their partition: they still count in the minute. */
const UNATTRIBUTED = 'unattributed';

function upgrade(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  const recent = Array.isArray(v.recent) ? v.recent.map((r: unknown) => (typeof r === 'number' ? { at: r, partition: UNATTRIBUTED } : r)) : v.recent;
  const hourly = v.hourly ?? (typeof v.day === 'string' ? {} : undefined);
  return { ...v, recent, hourly };
}
