import type { NextRequest } from 'next/server';
import { getDatasets } from '@/lib/data-layer';
import { DOWNLOAD_FILES, parseDownloadFile } from '@/lib/boards';
import { readDownloadQuery } from '@/lib/export/download-query';
import { serveDownload } from '@/lib/boards/server';
import { badRequest, errorResponse, notFoundJson } from '@/lib/http';

export const dynamic = 'force-dynamic';

interface RouteProps {
  params: Promise<{ file: string }>;
}

/** A public table as a CSV or JSON file: `/download/models.csv?window=week`, `/download/apps.json?…`, `/download/model.csv?id=…`. */
export async function GET(request: NextRequest, { params }: RouteProps) {
  const target = parseDownloadFile((await params).file);
  if (!target) return notFoundJson(`No such download: use ${DOWNLOAD_FILES}.`);
  // The data day is a clock reading (no upstream call): it bounds the months a download may ask for.
  const input = readDownloadQuery(target.table, request.nextUrl.searchParams, getDatasets().dataDay());
  if (!input.ok) return badRequest(input.message);
  try {
    const download = await serveDownload(input.query, target.format);
    // Only a model can be missing: every validated window, month and app view exists.
    if (!download) return notFoundJson(`id ${JSON.stringify(request.nextUrl.searchParams.get('id'))} names no model in the rankings history.`);
    return new Response(download.body, {
      headers: {
        'Content-Type': download.contentType,
        'Content-Disposition': `attachment; filename="${download.fileName}"`,
        'Cache-Control': download.cacheControl,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
