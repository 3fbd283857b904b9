import { NextResponse } from 'next/server';
import { getDataLayerStatus } from '@/lib/data-layer';

export const dynamic = 'force-dynamic';

/** For load balancers and uptime checks: 200 while the site can serve pages, 503 when it cannot. */
export async function GET() {
  const status = await getDataLayerStatus();
  return NextResponse.json(
    {
      status: status.canServe ? 'ok' : 'unavailable',
      mode: status.mode,
      // For whoever runs the site (pages tell visitors only that the figures are synthetic).
      ...(status.mode === 'demo' ? { hint: 'Demo data: set OPENROUTER_API_KEY on the server to publish live figures.' } : {}),
      dataDay: status.dataDay,
      lastSuccessfulUpstreamCall: status.lastSuccessAt,
      lastFailedUpstreamCall: status.lastFailureAt,
      circuit: status.circuit,
      hasCachedData: status.hasCachedData,
      budget: {
        leftToday: status.budget.dayTotal.left,
        usedToday: status.budget.dayTotal.used,
        limitPerDay: status.budget.dayTotal.limit,
        usedThisMinute: status.budget.minute.used,
        limitPerMinute: status.budget.minute.limit,
        partitions: status.budget.partitions,
        blockedUntil: status.budget.blockedUntil,
      },
    },
    { status: status.canServe ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
