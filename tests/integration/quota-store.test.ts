/** @jest-environment node */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileQuotaStore } from '../../lib/datasets/file-store';
import { BUDGET_PLAN } from '../../lib/boards/budget';
import { policyFor, QuotaGovernor } from '../../lib/datasets/quota';
import { outcomes, tempDataDir } from '../helpers/data-layer';

describe('FileQuotaStore', () => {
  it('keeps separate store instances on one DATA_DIR (as in separate workers) within the limit together', async () => {
    const dataDir = tempDataDir();
    const governors = [0, 1, 2].map(() => new QuotaGovernor(new FileQuotaStore(dataDir), policyFor(BUDGET_PLAN, 30, 500)));
    const counts = await outcomes(Array.from({ length: 90 }, (_, i) => governors[i % 3]!.acquire('core')));
    expect(counts).toEqual({ ok: 30, budget_exhausted: 60 });
    const state = JSON.parse(await readFile(path.join(dataDir, 'quota.json'), 'utf8'));
    expect(state.dayCounts.core).toBe(30);
    expect(state.recent).toHaveLength(30);
  });

  it('records an upstream block for every later caller, across instances', async () => {
    const dataDir = tempDataDir();
    const first = new QuotaGovernor(new FileQuotaStore(dataDir), policyFor(BUDGET_PLAN, 30, 500));
    await first.blockUntil(Date.now() + 60_000);
    const second = new QuotaGovernor(new FileQuotaStore(dataDir), policyFor(BUDGET_PLAN, 30, 500));
    await expect(second.acquire('staff')).rejects.toMatchObject({ code: 'rate_limited' });
    expect((await second.snapshot()).blockedUntil).not.toBeNull();
  });

  it('refuses to run on a corrupt state file instead of silently resetting the day', async () => {
    const dataDir = tempDataDir();
    await writeFile(path.join(dataDir, 'quota.json'), '{"day": 3}');
    const governor = new QuotaGovernor(new FileQuotaStore(dataDir), policyFor(BUDGET_PLAN, 30, 500));
    await expect(governor.acquire('core')).rejects.toThrow(/stored quota state .* is not valid/);
  });
});
