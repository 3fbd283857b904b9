import { LazyBarChart } from '@/components/charts/lazy';
import { Stat } from '@/components/site/stat';
import { TableHead } from '@/components/site/table-head';
import { BUDGET_PARTITIONS, PARTITION_LABELS, type BudgetPartition } from '@/lib/boards/budget';
import type { AttemptRecord, QuotaSnapshot } from '@/lib/data-layer';
import { formatCount, formatTimestamp } from '@/lib/format';
import type { AuditRecord } from '@/lib/audit';
import type { HeldDataset } from '@/lib/staff/console';


/** Parameters as `name=value` pairs, the way they went upstream. */
export function formatParams(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

export function BudgetPanel({ budget }: { budget: QuotaSnapshot<BudgetPartition> }) {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const perHour = hours.map((h) => BUDGET_PARTITIONS.reduce((sum, partition) => sum + budget.hourly[partition][h]!, 0));
  const lastHour = perHour.reduce((last, count, h) => (count > 0 ? h : last), -1);
  const shownHours = hours.slice(0, Math.max(lastHour, new Date().getUTCHours()) + 1);
  return (
    <>
      <dl className="stats">
        <Stat label="Attempts this minute">
          {budget.minute.used} / {budget.minute.limit}
        </Stat>
        <Stat label={`Attempts today (${budget.day} UTC)`}>
          {formatCount(budget.dayTotal.used)} / {formatCount(budget.dayTotal.limit)}
        </Stat>
        <Stat label="Left today">{formatCount(budget.dayTotal.left)}</Stat>
      </dl>
      {budget.blockedUntil ? (
        <p role="status" className="staff-alert staff-alert--error">
          The upstream asked us to wait: no calls until {formatTimestamp(budget.blockedUntil)}.
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <caption>Upstream attempts by budget partition (retries count)</caption>
          <TableHead
            columns={[{ label: 'Partition' }, { label: 'This minute', numeric: true }, { label: 'Today', numeric: true }, { label: 'Daily cap', numeric: true }, { label: 'Left today', numeric: true }]}
          />
          <tbody>
            {BUDGET_PARTITIONS.map((partition) => {
              const p = budget.partitions[partition];
              return (
                <tr key={partition}>
                  <th scope="row">{PARTITION_LABELS[partition].label}</th>
                  <td className="num">{p.minute}</td>
                  <td className="num">{formatCount(p.used)}</td>
                  <td className="num">{formatCount(p.cap)}</td>
                  <td className="num">{formatCount(p.left)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <LazyBarChart
        title="Upstream attempts per hour today (UTC)"
        description={`Upstream attempts per UTC hour on ${budget.day}, all partitions`}
        labels={shownHours.map((h) => `${String(h).padStart(2, '0')}:00`)}
        values={shownHours.map((h) => perHour[h]!)}
        unit="attempts"
      />
      <details className="staff-details">
        <summary>Attempts per hour as a table</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption>Upstream attempts per UTC hour on {budget.day}</caption>
            <TableHead
              columns={[{ label: 'Hour (UTC)' }, ...BUDGET_PARTITIONS.map((partition) => ({ label: PARTITION_LABELS[partition].short, numeric: true })), { label: 'All', numeric: true }]}
            />
            <tbody>
              {shownHours.map((h) => (
                <tr key={h}>
                  <th scope="row">{String(h).padStart(2, '0')}:00</th>
                  {BUDGET_PARTITIONS.map((partition) => (
                    <td key={partition} className="num">
                      {budget.hourly[partition][h]}
                    </td>
                  ))}
                  <td className="num">{perHour[h]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

export function DatasetsTable({ datasets }: { datasets: HeldDataset[] }) {
  if (datasets.length === 0) return <p className="muted">The site holds no datasets yet: they are fetched on first use.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table staff-table">
        <caption>Every dataset the site holds ({datasets.length}), with its freshness</caption>
        <TableHead
          columns={[{ label: 'Dataset' }, { label: 'Data day' }, { label: 'as_of' }, { label: 'Fetched at' }, { label: 'Rows', numeric: true }, { label: 'State' }, { label: 'Next fetch' }, { label: 'Last error' }]}
        />
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.key}>
              <th scope="row" className="slug">
                {dataset.endpoint} <span className="muted">{formatParams(dataset.query)}</span>
              </th>
              <td>{dataset.dataDay}</td>
              <td>{dataset.asOf ? formatTimestamp(dataset.asOf) : '—'}</td>
              <td>{formatTimestamp(dataset.fetchedAt)}</td>
              <td className="num">{formatCount(dataset.rows)}</td>
              <td>{dataset.final ? 'final' : dataset.fresh ? 'fresh' : 'stale'}</td>
              <td>{dataset.final ? 'never (final)' : dataset.nextRefetchAt ? formatTimestamp(dataset.nextRefetchAt) : 'on next use'}</td>
              <td className="staff-wrap">{dataset.lastError ? `${formatTimestamp(dataset.lastError.at)}: ${dataset.lastError.outcome} — ${dataset.lastError.message ?? ''}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AttemptsTable({ attempts }: { attempts: AttemptRecord[] }) {
  if (attempts.length === 0) return <p className="muted">No upstream attempts recorded yet.</p>;
  return (
    <div className="table-scroll staff-scroll">
      <table className="data-table staff-table">
        <caption>The last {attempts.length} upstream attempts, newest first</caption>
        <TableHead
          columns={[{ label: 'Time' }, { label: 'Endpoint' }, { label: 'Parameters' }, { label: 'Partition' }, { label: 'Status', numeric: true }, { label: 'Latency', numeric: true }, { label: 'Try', numeric: true }, { label: 'Outcome' }]}
        />
        <tbody>
          {attempts.map((attempt, i) => (
            <tr key={`${attempt.at}-${i}`}>
              <th scope="row">{formatTimestamp(attempt.at)}</th>
              <td>{attempt.endpoint}</td>
              <td className="slug">{formatParams(attempt.params)}</td>
              <td>{attempt.partition}</td>
              <td className="num">{attempt.status ?? '—'}</td>
              <td className="num">{formatCount(attempt.latencyMs)} ms</td>
              <td className="num">{attempt.attempt}</td>
              <td className={attempt.outcome === 'ok' ? undefined : 'staff-bad'}>{attempt.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditTable({ records }: { records: AuditRecord[] }) {
  if (records.length === 0) return <p className="muted">No staff actions recorded yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table staff-table">
        <caption>Staff actions, newest first (kept in DATA_DIR/audit.jsonl)</caption>
        <TableHead columns={[{ label: 'Time' }, { label: 'Who' }, { label: 'Action' }, { label: 'What' }, { label: 'Outcome' }]} />
        <tbody>
          {records.map((record, i) => (
            <tr key={`${record.at}-${i}`}>
              <th scope="row">{formatTimestamp(record.at)}</th>
              <td>{record.actor}</td>
              <td>{record.action}</td>
              <td className="staff-wrap">{record.detail}</td>
              <td className={record.outcome === 'ok' ? undefined : 'staff-bad'}>{record.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
