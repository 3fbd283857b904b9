import type { ReactNode } from 'react';
import { CATEGORY_INFO, SUBCATEGORY_NAMES } from '@/lib/boards/apps/labels';
import { FAMILY_LABELS, SLICE_FAMILIES, slicesOf } from '@/lib/boards/slices/slices';
import { APP_CATEGORIES, CATEGORY_NAMES } from '@/lib/datasets/endpoints/app-rankings/values';
import { EXPLORER_PATH, type ExplorerFormValues, type ExplorerParam } from '@/lib/staff/explorer/query';
import { DATASET_START, MAX_WINDOW_DAYS } from '@/lib/utc-day';
import './explorer.css';

const ERROR_ID = 'explorer-error';
const WINDOW_HINT_ID = 'explorer-window-hint';
const FILTER_HINT_ID = 'explorer-filter-hint';
const SLICE_HINT_ID = 'explorer-slice-hint';

export interface ExplorerAlertProps {
  title: string;
  children: ReactNode;
}

/** Why nothing (or nothing new) is shown; the form's invalid field points here. */
export function ExplorerAlert({ title, children }: ExplorerAlertProps) {
  return (
    <p id={ERROR_ID} role="alert" className="explorer-alert explorer-alert--error">
      <strong>{title}</strong> {children}
    </p>
  );
}

export interface ExplorerShellProps {
  dataDay: string;
  values: ExplorerFormValues;
  invalidParam?: string | null;
  /** Shown above the form, so it is read before the fields on a small screen. */
  alert?: ReactNode;
  children?: ReactNode;
}

export function ExplorerShell({ dataDay, values, invalidParam = null, alert = null, children }: ExplorerShellProps) {
  return (
    <>
      <h1>Explorer</h1>
      <p className="muted">
        Any window of the model rankings, one of their slices or the app rankings, paid from the staff share of the upstream budget. Repeating a query the same
        data day costs nothing: it is served from the cache.
      </p>
      {alert}
      <ExplorerForm dataDay={dataDay} values={values} invalidParam={invalidParam} />
      {children}
    </>
  );
}

export interface ExplorerFormProps {
  dataDay: string;
  values: ExplorerFormValues;
  invalidParam: string | null;
}

/** A plain GET form: the query string is the state, so every result has a link and works without JS. */
export function ExplorerForm({ dataDay, values, invalidParam }: ExplorerFormProps) {
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
              <option value="slices">Slices: one use case, language, context length or modality</option>
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
        <fieldset className="explorer-fieldset">
          <legend>Slice</legend>
          <p id={SLICE_HINT_ID} className="explorer-hint">
            For the slices dataset only. Use cases and languages are weekly estimates: their figures cover the whole weeks (Monday to
            Sunday) inside the window.
          </p>
          <div className="explorer-field">
            <label htmlFor="explorer-slice">Slice</label>
            <select {...fieldProps('slice', SLICE_HINT_ID)}>
              {SLICE_FAMILIES.map((family) => (
                <optgroup key={family} label={FAMILY_LABELS[family].label}>
                  {slicesOf(family).map((slice) => (
                    <option key={slice.id} value={slice.id}>
                      {slice.label}
                      {slice.sampled ? ' (estimated)' : ''}
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
