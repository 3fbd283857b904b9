import type { NextRequest } from 'next/server';
import { getDatasets } from '@/lib/data-layer';
import { DOWNLOAD_FILES, downloadSpecOf, parseDownloadFile } from '@/lib/boards';
import { readDownloadQuery } from '@/lib/export/download-query';
import { serveDownload } from '@/lib/boards/server';
import { badRequest, errorResponse, notFoundJson } from '@/lib/http';

export const dynamic = 'force-dynamic';

interface RouteProps {
  params: Promise<{ file: string }>;
}

/** A public table as a CSV or JSON file: `/download/models.csv?window=week`, `/download/apps.json?…`, `/download/model.csv?id=…`, `/download/slices.csv?slice=…`. */
export async function GET(request: NextRequest, { params }: RouteProps) {
  const target = parseDownloadFile((await params).file);
  if (!target) return notFoundJson(`No such download: use ${DOWNLOAD_FILES}.`);
  // The data day is a clock reading (no upstream call): it bounds the months a download may ask for.
  const input = readDownloadQuery(target.table, request.nextUrl.searchParams, getDatasets().dataDay());
  if (!input.ok) return badRequest(input.message);
  try {
    const download = await serveDownload(input.query, target.format);
    // Only what a board says can be missing is (a model not in the history): every validated window, month and app view exists.
    if (!download) return notFoundJson(downloadSpecOf(input.query).missing?.(input.query) ?? 'No figures for this download.');
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
