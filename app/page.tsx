import { TopAppsTable } from '@/components/apps/top-apps-table';
import { TopModelsTable } from '@/components/models/top-models-table';
import { Citation } from '@/components/site/citation';
import { Freshness } from '@/components/site/freshness';
import { getDatasets } from '@/lib/datasets';
import { formatDay, formatShare, formatTokens, formatTokensCompact } from '@/lib/format';
import { summarizeDay } from '@/lib/rankings/day-summary';
import { windowRange } from '@/lib/utc-day';

// Content changes once per data day; a short revalidate only re-reads the data layer's cache, which
// answers without an upstream call until the day changes. A failed regeneration throws, so the last
// good page stays.
export const revalidate = 300;

export default async function HomePage() {
  const datasets = getDatasets();
  const dataDay = datasets.dataDay();
  const month = windowRange('month', dataDay);
  const [daily, apps] = await Promise.all([
    datasets.rankingsDaily({ startDate: dataDay, endDate: dataDay }),
    datasets.appRankings({ startDate: month.start, endDate: month.end, limit: 10 }),
  ]);
  const day = summarizeDay(daily.rows, dataDay);

  return (
    <>
      <h1>Which AI models use the most tokens</h1>
      <Freshness dataDay={dataDay} asOf={daily.meta.asOf} />

      <section aria-labelledby="day-heading" className="section">
        <h2 id="day-heading">Top models on {formatDay(dataDay)}</h2>
        <dl className="stats">
          <div>
            <dt>Tokens that day</dt>
            <dd title={`${formatTokens(day.total)} tokens`}>{formatTokensCompact(day.total)}</dd>
          </div>
          <div>
            <dt>Top-50 share</dt>
            <dd>{formatShare(day.top50Total, day.total)}</dd>
          </div>
          <div>
            <dt>Models ranked</dt>
            <dd>{day.models.length}</dd>
          </div>
        </dl>
        <TopModelsTable
          caption={`Top 10 models by tokens on ${formatDay(dataDay)} (UTC); share of all tokens that day`}
          models={day.models.slice(0, 10)}
          total={day.total}
        />
        <Citation source="models" dataSource={daily.source} asOf={daily.meta.asOf} />
      </section>

      <section aria-labelledby="apps-heading" className="section">
        <h2 id="apps-heading">Top apps, last 30 days</h2>
        <TopAppsTable
          caption={`Top 10 public apps by tokens, ${formatDay(month.start)} to ${formatDay(month.end)} (UTC)`}
          apps={apps.rows}
        />
        <Citation source="apps" dataSource={apps.source} asOf={apps.meta.asOf} />
      </section>
    </>
  );
}
