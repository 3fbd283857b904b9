import type { NextRequest } from 'next/server';
import { requireStaffApi } from '@/lib/auth/staff';
import { getDatasets, isDatasetsError } from '@/lib/data-layer';
import { badRequest, errorResponse } from '@/lib/http';
import { logEvent } from '@/lib/log';
import { recordAudit, type AuditRecord } from '@/lib/audit';
import { runExplorer } from '@/lib/boards/server';
import { explorerDownload, type ExplorerDownload } from '@/lib/staff/explorer/export';
import { describeExplorerQuery, EXPORT_FORMATS, isExportFormat, readExplorerQuery } from '@/lib/staff/explorer/query';

export const dynamic = 'force-dynamic';

type AuditEntry = Omit<AuditRecord, 'at' | 'action'>;

/** Refusals and failures are recorded, but a failing audit write must not replace the answer the caller needs. */
async function auditAttempt(entry: AuditEntry): Promise<void> {
  try {
    await recordAudit({ actor: entry.actor, action: 'export', detail: entry.detail, outcome: entry.outcome });
  } catch (error) {
    logEvent('staff_audit_failed', { action: 'export', message: error instanceof Error ? error.message.slice(0, 200) : String(error) }, 'error');
  }
}

/** A staff export of one explorer query as CSV or JSON: same parameters as /staff/explorer, plus `format`. */
export async function GET(request: NextRequest) {
  const staff = await requireStaffApi();
  if (staff instanceof Response) return staff;

  const search = request.nextUrl.searchParams;
  const input = readExplorerQuery(search, getDatasets().dataDay(), ['format']);
  const format = input.ok ? input.params.format : undefined;
  if (!input.ok || !isExportFormat(format)) {
    const message = !input.ok ? input.message : `format ${format === undefined ? 'is required' : 'is not supported'}: use ${EXPORT_FORMATS.join(' or ')}.`;
    await auditAttempt({ actor: staff.email, detail: `refused: ${message} Query: ${search.toString()}`, outcome: 'refused' });
    return badRequest(message);
  }

  const what = `${describeExplorerQuery(input.query)} as ${format}`;
  let download: ExplorerDownload;
  try {
    download = explorerDownload(await runExplorer(input.query), format);
  } catch (error) {
    const code = isDatasetsError(error) ? error.code : 'unexpected error';
    await auditAttempt({ actor: staff.email, detail: `${what}: failed (${code})`, outcome: 'failed' });
    return errorResponse(error);
  }

  try {
    // No export leaves without its audit record.
    await recordAudit({ actor: staff.email, action: 'export', detail: `${what}, ${download.rowCount} rows`, outcome: 'ok' });
  } catch (error) {
    return errorResponse(error);
  }
  return new Response(download.body, {
    headers: {
      'Content-Type': download.contentType,
      'Content-Disposition': `attachment; filename="${download.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
