import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppsTable } from '@/components/apps/apps-table';
import { DailyStackSection } from '@/components/models/model-charts';
import { Citation } from '@/components/site/citation';
import { Freshness } from '@/components/site/freshness';
import { Stat } from '@/components/site/stat';
import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import { CATEGORY_INFO, SUBCATEGORY_NAMES } from '@/lib/apps/labels';
import { APPS_MAX_RANKS } from '@/lib/apps/types';
import { requireStaff } from '@/lib/auth/staff';
import { getDatasets } from '@/lib/datasets';
import { APP_CATEGORIES, CATEGORY_NAMES } from '@/lib/datasets/categories';
import { formatCount, formatRange, formatShare } from '@/lib/format';
import { modelHref } from '@/lib/routes';
import {
  appsTableView,
  explorerExportHref,
  explorerFailure,
  explorerHref,
  readExplorerQuery,
  runExplorer,
  type AppsExplorerResult,
  type ExplorerFailure,
  type ExplorerParam,
  type ExplorerQuery,
  type ExplorerResult,
  type ModelsExplorerResult,
} from '@/lib/staff/explorer';
import { addDays, DATASET_START, daysInclusive, MAX_WINDOW_DAYS } from '@/lib/utc-day';
import '@/components/staff/explorer.css';

// Every render is one staff member's query on the staff budget: never prerendered, never shared.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Explorer', robots: { index: false, follow: false } };

const EXPLORER_PATH = '/staff/explorer';
const ERROR_ID = 'explorer-error';
const WINDOW_HINT_ID = 'explorer-window-hint';
const FILTER_HINT_ID = 'explorer-filter-hint';

type FormValues = Record<ExplorerParam, string>;

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Repeated parameters stay repeated, so the strict reader can refuse them. */
function toSearch(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value ?? []].flat()) search.append(name, item);
  }
  return search;
}

function defaultValues(dataDay: string): FormValues {
  return { dataset: 'models', start: addDays(dataDay, -29), end: dataDay, sort: 'popular', category: '', subcategory: '' };
}

/** What was submitted, so a refused query can be corrected rather than typed again. */
function submittedValues(search: URLSearchParams, dataDay: string): FormValues {
  const defaults = defaultValues(dataDay);
  const value = (name: ExplorerParam) => search.get(name) ?? defaults[name];
  return {
    dataset: value('dataset'),
    start: value('start'),
    end: value('end'),
    sort: value('sort'),
    category: value('category'),
    subcategory: value('subcategory'),
  };
}

function queryValues(query: ExplorerQuery, dataDay: string): FormValues {
  const values = { ...defaultValues(dataDay), dataset: query.dataset, start: query.start, end: query.end };
  if (query.dataset === 'models') return values;
  return { ...values, sort: query.sort, category: query.category ?? '', subcategory: query.subcategory ?? '' };
}

export default async function ExplorerPage({ searchParams }: PageProps) {
  await requireStaff(EXPLORER_PATH);
  const search = toSearch(await searchParams);
  const dataDay = getDatasets().dataDay();

  if (search.size === 0) {
    return <ExplorerShell dataDay={dataDay} values={defaultValues(dataDay)} />;
  }
  const input = readExplorerQuery(search, dataDay);
  if (!input.ok) {
    return (
      <ExplorerShell
        dataDay={dataDay}
        values={submittedValues(search, dataDay)}
        invalidParam={input.param}
        alert={<ExplorerAlert title="This query cannot run.">{input.message}</ExplorerAlert>}
      />
    );
  }

  // The form sends every field, empty ones too; one spelling per query keeps shared links short and stable.
  const canonical = explorerHref(input.query);
  if (`${EXPLORER_PATH}?${search}` !== canonical) redirect(canonical);

  let result: ExplorerResult | null = null;
  let failure: ExplorerFailure | null = null;
  try {
    result = await runExplorer(input.query);
  } catch (error) {
    failure = explorerFailure(error);
    if (!failure) throw error;
  }

  return (
    <ExplorerShell
      dataDay={dataDay}
      values={queryValues(input.query, dataDay)}
      alert={failure ? <ExplorerAlert title="The figures could not be loaded.">{failure.message}</ExplorerAlert> : null}
    >
      {result ? <ExplorerResults result={result} /> : null}
    </ExplorerShell>
  );
}

/** Why nothing (or nothing new) is shown; the form's invalid field points here. */
function ExplorerAlert({ title, children }: { title: string; children: ReactNode }) {
  return (
    <p id={ERROR_ID} role="alert" className="explorer-alert explorer-alert--error">
      <strong>{title}</strong> {children}
    </p>
  );
}

interface ExplorerShellProps {
  dataDay: string;
  values: FormValues;
  invalidParam?: ExplorerParam | null;
  /** Shown above the form, so it is read before the fields on a small screen. */
  alert?: ReactNode;
  children?: ReactNode;
}

function ExplorerShell({ dataDay, values, invalidParam = null, alert = null, children }: ExplorerShellProps) {
  return (
    <>
      <h1>Explorer</h1>
      <p className="muted">
        Any window of the model or app rankings, paid from the staff share of the upstream budget. Repeating a query the same
        data day costs nothing: it is served from the cache.
      </p>
      {alert}
      <ExplorerForm dataDay={dataDay} values={values} invalidParam={invalidParam} />
      {children}
    </>
  );
}

interface ExplorerFormProps {
  dataDay: string;
  values: FormValues;
  invalidParam: ExplorerParam | null;
}

/** A plain GET form: the query string is the state, so every result has a link and works without JS. */
function ExplorerForm({ dataDay, values, invalidParam }: ExplorerFormProps) {
  const fieldProps = (param: ExplorerParam, hintId?: string) => {
    const invalid = invalidParam === param;
    const describedBy = [hintId, invalid ? ERROR_ID : undefined].filter(Boolean).join(' ');
    return {
      id: `explorer-${param}`,
      name: param,
      defaultValue: values[param],
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };
  return (
    <form method="get" action={EXPLORER_PATH} className="explorer-form" aria-labelledby="explorer-query-heading">
      <h2 id="explorer-query-heading">Query</h2>
      <div className="explorer-form__groups">
        <fieldset className="explorer-fieldset">
          <legend>Dataset and window</legend>
          <div className="explorer-field">
            <label htmlFor="explorer-dataset">Dataset</label>
            <select {...fieldProps('dataset')}>
              <option value="models">Models: daily top 50 and the rest</option>
              <option value="apps">Apps: public app rankings</option>
            </select>
          </div>
          <div className="explorer-field">
            <label htmlFor="explorer-start">Start date</label>
            <input type="date" required min={DATASET_START} max={dataDay} {...fieldProps('start', WINDOW_HINT_ID)} />
          </div>
          <div className="explorer-field">
            <label htmlFor="explorer-end">End date</label>
            <input type="date" required min={DATASET_START} max={dataDay} {...fieldProps('end', WINDOW_HINT_ID)} />
          </div>
          <p id={WINDOW_HINT_ID} className="explorer-hint">
            UTC days, both included: from {DATASET_START} to {dataDay} (the latest settled day), at most {MAX_WINDOW_DAYS} days.
          </p>
        </fieldset>
        <fieldset className="explorer-fieldset">
          <legend>App filters</legend>
          <p id={FILTER_HINT_ID} className="explorer-hint">
            For the apps dataset only. A subcategory selects its category too.
          </p>
          <div className="explorer-field">
            <label htmlFor="explorer-sort">Sort</label>
            <select {...fieldProps('sort', FILTER_HINT_ID)}>
              <option value="popular">Popular: most tokens in the window</option>
              <option value="trending">Trending: growth over the 3 windows before</option>
            </select>
          </div>
          <div className="explorer-field">
            <label htmlFor="explorer-category">Category</label>
            <select {...fieldProps('category', FILTER_HINT_ID)}>
              <option value="">All categories</option>
              {CATEGORY_NAMES.map((category) => (
                <option key={category} value={category}>
                  {CATEGORY_INFO[category].name}
                </option>
              ))}
            </select>
          </div>
          <div className="explorer-field">
            <label htmlFor="explorer-subcategory">Subcategory</label>
            <select {...fieldProps('subcategory', FILTER_HINT_ID)}>
              <option value="">All subcategories</option>
              {CATEGORY_NAMES.map((category) => (
                <optgroup key={category} label={CATEGORY_INFO[category].name}>
                  {APP_CATEGORIES[category].map((subcategory) => (
                    <option key={subcategory} value={subcategory}>
                      {SUBCATEGORY_NAMES[subcategory]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </fieldset>
      </div>
      <button type="submit" className="button">
        Run query
      </button>
    </form>
  );
}

function appsTitle(result: AppsExplorerResult): string {
  const { sort, category, subcategory } = result.query;
  const group = subcategory ? SUBCATEGORY_NAMES[subcategory] : category ? CATEGORY_INFO[category].name : null;
  return `${sort === 'trending' ? 'Trending' : 'Popular'} ${group ? `apps in ${group}` : 'apps'}, ${formatRange(result.query.start, result.query.end)} (UTC)`;
}

function ExplorerResults({ result }: { result: ExplorerResult }) {
  const title = result.dataset === 'models' ? `Models by tokens, ${formatRange(result.query.start, result.query.end)} (UTC)` : appsTitle(result);
  return (
    <>
      <section className="section explorer-results" aria-labelledby="explorer-results-heading">
        <h2 id="explorer-results-heading">{title}</h2>
        <Freshness dataDay={result.dataDay} asOf={result.asOf} />
        {result.dataset === 'models' ? <ModelsResults result={result} /> : <AppsResults result={result} />}
        <Citation source={result.dataset} dataSource={result.source} asOf={result.asOf} />
        <nav aria-label="Download these figures" className="explorer-downloads">
          <ul>
            <li>
              <a href={explorerExportHref(result.query, 'csv')} download className="explorer-download">
                Download CSV
              </a>
            </li>
            <li>
              <a href={explorerExportHref(result.query, 'json')} download className="explorer-download">
                Download JSON
              </a>
            </li>
          </ul>
        </nav>
      </section>
      {result.dataset === 'models' && result.daysCovered > 0 ? (
        <section className="section" aria-labelledby="explorer-daily-heading">
          <h2 id="explorer-daily-heading">Daily tokens, {formatRange(result.query.start, result.query.end)}</h2>
          <DailyStackSection history={result.history} range={result.query} topN={10} />
        </section>
      ) : null}
    </>
  );
}

function ModelsResults({ result }: { result: ModelsExplorerResult }) {
  const { query, total, other } = result;
  if (result.daysCovered === 0) return <p className="explorer-note">No model figures were reported for this window.</p>;
  return (
    <>
      <dl className="stats">
        <Stat label="All tokens">
          <TokenFigure tokens={total} />
        </Stat>
        <Stat label="Top-50 share">{formatShare(total - other, total)}</Stat>
        <Stat label="Models ranked">{formatCount(result.rows.length)}</Stat>
        <Stat label="Days covered">
          {formatCount(result.daysCovered)} of {formatCount(daysInclusive(query.start, query.end))}
        </Stat>
      </dl>
      <ModelTotalsTable result={result} />
    </>
  );
}

/**
 * The public leaderboard's table without its comparison columns: an arbitrary window has no
 * "previous window" the explorer pays to fetch, and an empty Change column would read as "unchanged".
 */
function ModelTotalsTable({ result }: { result: ModelsExplorerResult }) {
  const { query, total, other } = result;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          Models by tokens, {formatRange(query.start, query.end)} (UTC). A model&apos;s tokens count the days it was in that
          day&apos;s top 50; shares are of all tokens, including every day&apos;s long tail (other).
        </caption>
        <TableHead
          columns={[
            { label: 'Rank', numeric: true },
            { label: 'Model' },
            { label: 'Author', wide: true },
            { label: 'Tokens', numeric: true },
            { label: 'Share', numeric: true },
          ]}
        />
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.permaslug}>
              <td className="num">{row.rank}</td>
              <th scope="row" className="slug">
                <Link href={modelHref(row.permaslug)} prefetch={false}>
                  {row.permaslug}
                </Link>
              </th>
              <td className="hide-narrow">{row.author}</td>
              <td className="num">
                <TokenFigure tokens={row.tokens} />
              </td>
              <td className="num">{formatShare(row.tokens, total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="num">
              <span aria-hidden="true">–</span>
              <span className="visually-hidden">not ranked</span>
            </td>
            <th scope="row">Everything else (other)</th>
            <td className="hide-narrow muted">outside each day&apos;s top 50</td>
            <td className="num">
              <TokenFigure tokens={other} />
            </td>
            <td className="num">{formatShare(other, total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function AppsResults({ result }: { result: AppsExplorerResult }) {
  const ranked = result.rows.length;
  if (ranked === 0) {
    return (
      <p className="explorer-note">
        {result.query.sort === 'trending' ? 'No app grew in this window.' : 'No app was ranked in this window.'}
      </p>
    );
  }
  return (
    <>
      <dl className="stats">
        <Stat label="Apps ranked">{formatCount(ranked)}</Stat>
        <Stat label="Listed tokens">
          <TokenFigure tokens={result.listedTotal} />
        </Stat>
      </dl>
      {result.query.sort === 'trending' && ranked < APPS_MAX_RANKS ? (
        <p className="explorer-note">
          Only {ranked} {ranked === 1 ? 'app' : 'apps'} grew in this window.
        </p>
      ) : null}
      <AppsTable view={appsTableView(result)} />
    </>
  );
}
