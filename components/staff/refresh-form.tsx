'use client';

import { useActionState, useId } from 'react';
import type { RefreshResult } from '@/lib/staff/refresh';

export interface RefreshOption {
  value: string;
  label: string;
  calls: number;
}

export interface RefreshFormProps {
  action: (previous: RefreshResult | null, form: FormData) => Promise<RefreshResult>;
  csrfToken: string;
  options: RefreshOption[];
  staffCallsLeft: number;
}

/** Refresh a dataset or the whole data day; a required confirmation names the budget it spends. */
export function RefreshForm({ action, csrfToken, options, staffCallsLeft }: RefreshFormProps) {
  const [result, submit, pending] = useActionState(action, null);
  const id = useId();
  return (
    <form action={submit} className="staff-form staff-refresh" aria-describedby={`${id}-budget`}>
      <input type="hidden" name="csrf" value={csrfToken} />
      <label htmlFor={`${id}-target`}>What to refresh</label>
      <select id={`${id}-target`} name="target" required defaultValue={options[0]?.value}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label} — {option.calls} call{option.calls === 1 ? '' : 's'}
          </option>
        ))}
      </select>
      <p id={`${id}-budget`} className="muted">
        Each dataset is one upstream call (more if it has to be retried), charged to the staff budget: {staffCallsLeft} left today.
      </p>
      <label className="staff-check">
        <input type="checkbox" name="confirm" value="yes" required /> I want to spend staff budget on this refresh now
      </label>
      <button type="submit" className="button" disabled={pending || options.length === 0}>
        {pending ? 'Refreshing…' : 'Refresh now'}
      </button>
      <p role="status" aria-live="polite" className={result ? `staff-alert ${result.ok ? 'staff-alert--ok' : 'staff-alert--error'}` : 'visually-hidden'}>
        {result?.message ?? ''}
      </p>
    </form>
  );
}
