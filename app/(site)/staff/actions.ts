'use server';

import { verifyCsrfToken } from '@/lib/auth/csrf';
import { requireStaff } from '@/lib/auth/staff';
import { recordAudit } from '@/lib/audit';
import { REFRESH_PURPOSE, refreshNow, type RefreshResult, type RefreshTarget } from '@/lib/staff/refresh';

/**
 * The refresh form's action. Checks, in order: a staff session (not just the middleware's), the CSRF
 * token bound to that session, the explicit confirmation; only then is any budget spent.
 */
export async function refreshAction(_previous: RefreshResult | null, form: FormData): Promise<RefreshResult> {
  const staff = await requireStaff();
  if (!verifyCsrfToken(staff.sessionId, REFRESH_PURPOSE, form.get('csrf'))) {
    await recordAudit({ actor: staff.email, action: 'refresh', detail: 'refused: missing or invalid CSRF token', outcome: 'refused' });
    return { ok: false, message: "Refused: the form's security token is missing or out of date. Reload the page and try again." };
  }
  if (form.get('confirm') !== 'yes') return { ok: false, message: 'Tick the confirmation box to spend staff budget on a refresh.' };
  const target = parseTarget(form.get('target'));
  if (!target) return { ok: false, message: 'Choose what to refresh.' };
  return refreshNow(staff, target);
}

function parseTarget(value: FormDataEntryValue | null): RefreshTarget | null {
  if (value === 'day') return { kind: 'day' };
  if (typeof value === 'string' && value.startsWith('dataset:') && value.length > 'dataset:'.length) {
    return { kind: 'dataset', key: value.slice('dataset:'.length) };
  }
  return null;
}
