import { NextResponse, type NextRequest } from 'next/server';
import { attribution } from '@/lib/attribution';
import { API_CACHE_CONTROL, badRequest, errorResponse } from '@/lib/http';
import { parseQuery, refuse } from '@/lib/query';
import { getModelHistory } from '@/lib/boards/models/history';
import { computeLeaderboard } from '@/lib/rankings/leaderboard';
import { DEFAULT_MODELS_WINDOW } from '@/lib/routes';
import { isWindowName, WINDOW_NAMES } from '@/lib/utc-day';

/** The leaderboard `/models` shows, as JSON with exact token strings and the attribution to carry. */
export async function GET(request: NextRequest) {
  const parsed = parseQuery(request.nextUrl.searchParams, ['window'], ({ window = DEFAULT_MODELS_WINDOW }) =>
    isWindowName(window) ? { ok: true, query: window } : refuse('window', `window must be one of ${WINDOW_NAMES.join(', ')}`),
  );
  if (!parsed.ok) return badRequest(parsed.message);
  const window = parsed.query;

  try {
    const { history, asOf, dataDay, source } = await getModelHistory();
    const board = computeLeaderboard(history, window, dataDay);
    return NextResponse.json(
      {
        window,
        dataDay,
        meta: { asOf, startDate: board.range.start, endDate: board.range.end, source },
        ...attribution('rankings-daily', source, asOf),
        total: board.total.toString(),
        other: board.other.toString(),
        rows: board.rows.map((row) => ({
          rank: row.rank,
          permaslug: row.permaslug,
          author: row.author,
          tokens: row.tokens.toString(),
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
