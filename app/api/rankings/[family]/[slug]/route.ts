import { NextResponse, type NextRequest } from 'next/server';
import { attribution } from '@/lib/attribution';
import { sliceOf } from '@/lib/boards/slices/slices';
import { loadSliceView } from '@/lib/boards/slices/view';
import { readSliceWindow } from '@/lib/boards/slices/windows';
import { API_CACHE_CONTROL, badRequest, errorResponse, notFoundJson } from '@/lib/http';
import { parseQuery } from '@/lib/query';
import { RANKINGS_PATH } from '@/lib/boards/slices/board';

interface Context {
  params: Promise<{ family: string; slug: string }>;
}

/**
 * A slice board's leaderboard (`/rankings/<family>/<slug>?window=…`) as JSON: every rank, tokens as exact
 * decimal strings, `estimated` on the sampled slices' figures, and the attribution to carry. An unknown
 * slice is a 404 and a bad parameter a 400 naming it, both before anything is fetched.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { family, slug } = await params;
  const slice = sliceOf(family, slug);
  if (!slice) return notFoundJson(`No ranking at ${RANKINGS_PATH}/${family}/${slug}: see ${RANKINGS_PATH} for every board.`);
  const parsed = parseQuery(request.nextUrl.searchParams, ['window'], ({ window }) => readSliceWindow(slice, window));
  if (!parsed.ok) return badRequest(parsed.message);
  const window = parsed.query;

  try {
    const view = await loadSliceView(slice, window);
    if (!view) return notFoundJson(`No completed ${window} of ${slice.label} figures in the data yet.`);
    const { board, asOf, dataDay, source } = view;
    return NextResponse.json(
      {
        slice: { id: slice.id, family: slice.family, slug: slice.slug, label: slice.label, meaning: slice.meaning, filter: slice.filter },
        window,
        dataDay,
        estimated: board.estimated,
        grain: board.grain,
        meta: { asOf, startDate: board.range.start, endDate: board.range.end, source },
        ...attribution('rankings-daily', source, asOf),
        comparable: board.comparable,
        total: board.total.toString(),
        other: board.other.toString(),
        rows: board.rows.map((row) => ({
          rank: row.rank,
          permaslug: row.permaslug,
          author: row.author,
          tokens: row.tokens.toString(),
          shareBp: row.shareBp,
          previousTokens: row.previousTokens.toString(),
          changePct: row.changePct,
          previousRank: row.previousRank,
          movement: row.movement,
          isNew: row.isNew,
        })),
      },
      { headers: { 'Cache-Control': API_CACHE_CONTROL } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
