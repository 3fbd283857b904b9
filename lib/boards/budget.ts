import type { BudgetPlan } from '../datasets/quota';

/**
 * Who pays for upstream calls. The upstream allows 30 calls a minute per key and 500 a day per account,
 * for everything; the governor (lib/datasets/quota.ts) holds every attempt to this plan. A board's loader
 * names the partition its views draw on; a new partition is an entry here (the staff console lists them).
 */
export const BUDGET_PLAN = {
  /** Model history and the default views of every board: a third of each minute and 40 % of the day are its alone. */
  core: { reserve: { minute: 1 / 3, day: 0.4 } },
  /** The app rankings' category, window and sort variants: at most half the day. */
  apps: { dayCap: 0.5 },
  /**
   * The older blocks of the 24 slice boards' history (lib/boards/slices/plan.ts): final once fetched, so
   * they cost something only at a cold start (44 calls). Each slice's newest block, and any older one its
   * last completed week needs (the hub), is core.
   */
  slices: { dayCap: 0.2 },
  /** Staff explorer queries and manual refreshes: at most a tenth of the day. */
  staff: { dayCap: 0.1 },
} as const satisfies BudgetPlan;

export type BudgetPartition = keyof typeof BUDGET_PLAN;

/** How the staff console names each partition. */
export const PARTITION_LABELS: Record<BudgetPartition, { label: string; short: string }> = {
  core: { label: 'Core (history, default views)', short: 'Core' },
  apps: { label: 'Apps (categories, windows)', short: 'Apps' },
  slices: { label: 'Slice boards (older history)', short: 'Slices' },
  staff: { label: 'Staff (explorer, refreshes)', short: 'Staff' },
};

export const BUDGET_PARTITIONS = Object.keys(BUDGET_PLAN) as BudgetPartition[];
