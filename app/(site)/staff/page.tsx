import type { Metadata } from 'next';
import { AttemptsTable, AuditTable, BudgetPanel, DatasetsTable, formatParams } from '@/components/staff/console-tables';
import { RefreshForm, type RefreshOption } from '@/components/staff/refresh-form';
import { Stat } from '@/components/site/stat';
import { csrfToken } from '@/lib/auth/csrf';
import { requireStaff } from '@/lib/auth/staff';
import { formatTimestamp } from '@/lib/format';
import { getConsoleData } from '@/lib/staff/console';
import { REFRESH_PURPOSE, refreshPlan } from '@/lib/staff/refresh';
import { refreshAction } from './actions';

export const metadata: Metadata = { title: 'Staff console' };
export const dynamic = 'force-dynamic';

export default async function StaffConsolePage() {
  const staff = await requireStaff('/staff');
  const data = await getConsoleData();
  const { status } = data;
  const dayPlan = refreshPlan({ kind: 'day' }, data.datasets, status.dataDay);
  const perMinute = status.budget.partitions.staff.minuteCap;
  const paced = dayPlan.length > perMinute ? `, paced to ${perMinute} a minute: about ${Math.ceil(dayPlan.length / perMinute)} min` : '';
  const options: RefreshOption[] = [
    ...(dayPlan.length > 0 ? [{ value: 'day', label: `Whole data day ${status.dataDay} (every dataset that can still change${paced})`, calls: dayPlan.length }] : []),
    ...data.datasets.map((dataset) => ({ value: `dataset:${dataset.key}`, label: `${dataset.endpoint} ${formatParams(dataset.query)}`, calls: 1 })),
  ];
  return (
    <>
      <h1>Staff console</h1>
      <section className="section" aria-labelledby="site-heading">
        <h2 id="site-heading">Site</h2>
        <dl className="stats">
          <Stat label="Mode">{status.mode === 'live' ? 'Live' : 'Demo data'}</Stat>
          <Stat label="API key">{data.keyRedacted}</Stat>
          <Stat label="Data day">{status.dataDay}</Stat>
          <Stat label="Circuit">{status.circuit}</Stat>
        </dl>
        <p className="muted">
          Upstream: {data.upstreamHost}. Last successful upstream call: {status.lastSuccessAt ? formatTimestamp(status.lastSuccessAt) : 'none yet'}. The
          next data day starts {formatTimestamp(data.nextDataDayAt)}; public pages regenerate within a minute of a new data day or a refresh.
        </p>
      </section>

      <section className="section" aria-labelledby="budget-heading">
        <h2 id="budget-heading">Upstream budget</h2>
        <BudgetPanel budget={status.budget} />
      </section>

      <section className="section" aria-labelledby="refresh-heading">
        <h2 id="refresh-heading">Refresh now</h2>
        <RefreshForm action={refreshAction} csrfToken={csrfToken(staff.sessionId, REFRESH_PURPOSE)} options={options} staffCallsLeft={status.budget.partitions.staff.left} />
      </section>

      <section className="section" aria-labelledby="freshness-heading">
        <h2 id="freshness-heading">Freshness</h2>
        {data.datasetsUnavailable ? (
          <p role="status" className="staff-alert staff-alert--error">
            The shared store (Redis) is not answering, so the datasets cannot be listed right now. Public pages keep being served
            from what each instance holds.
          </p>
        ) : (
          <DatasetsTable datasets={data.datasets} />
        )}
      </section>

      <section className="section" aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Recent upstream attempts</h2>
        <AttemptsTable attempts={data.attempts} />
      </section>

      <section className="section" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit trail</h2>
        <AuditTable records={data.audit} />
      </section>
    </>
  );
}
