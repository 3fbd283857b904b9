'use client';

import { useEffect, useState } from 'react';
import { formatDay, formatTimestamp } from '@/lib/format';

interface Health {
  dataDay: string;
  lastSuccessfulUpstreamCall: string | null;
  lastFailedUpstreamCall: string | null;
}

/**
 * A cached page cannot know that a later refresh failed: it was rendered before. So the page asks the
 * site's health route (no upstream call) whether a newer data day exists, and if so says honestly that
 * these figures are older and why: the refresh failed, or newer figures are still being prepared.
 */
export function RefreshStatus({ dataDay, asOf }: { dataDay: string; asOf: string }) {
  const [health, setHealth] = useState<Health | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const ask = () =>
      fetch('/api/health', { signal: controller.signal, cache: 'no-store' })
        .then((response) => response.json() as Promise<Health>)
        .then(setHealth)
        .catch(() => undefined); // no answer: nothing more honest to add than the page's own date
    // Once the page is idle, not while it hydrates: the note matters only on a stale page, rarely.
    const idle = window.requestIdleCallback?.(ask, { timeout: 3000 });
    const timer = idle === undefined ? window.setTimeout(ask, 500) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      window.clearTimeout(timer);
      controller.abort();
    };
  }, []);

  const message = health ? describe(health, dataDay, asOf) : null;
  return (
    <p className="refresh-status" role="status" hidden={message === null}>
      {message}
    </p>
  );
}

function describe(health: Health, dataDay: string, asOf: string): string | null {
  if (typeof health.dataDay !== 'string' || health.dataDay <= dataDay) return null;
  const failedAt = health.lastFailedUpstreamCall;
  const failedLast = failedAt !== null && (health.lastSuccessfulUpstreamCall ?? '') < failedAt;
  const newer = `Figures through ${formatDay(health.dataDay)} are due`;
  return failedLast
    ? `${newer}, but the refresh failed (${formatTimestamp(failedAt)}); showing data as of ${formatTimestamp(asOf)}. We retry automatically.`
    : `${newer} and are being prepared; showing data as of ${formatTimestamp(asOf)}. Reload in a minute.`;
}
