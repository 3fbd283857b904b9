import 'server-only';
import type { Metadata } from 'next';
import { getConfig } from '../env';
import { formatDay, formatRange } from '../format';
import { biggestMovers, computeLeaderboard } from '../rankings/leaderboard';
import { modelsHref } from '../routes';
import { datasetJsonLd, listNames, pageMetadata, websiteJsonLd } from '../seo';
import { windowRange } from '../utc-day';
import { DEFAULT_APPS_QUERY } from './apps/types';
import { getAppsView } from './apps/view';
import { modelsDownloadHref } from './models/board';
import { getModelHistory } from './models/history';

/** The home page: a preview of the models and apps boards (the same cached upstream requests as theirs). */

export async function homeMetadata(): Promise<Metadata> {
  const { history, dataDay } = await getModelHistory();
  const apps = await getAppsView(DEFAULT_APPS_QUERY);
  const leader = computeLeaderboard(history, 'day', dataDay).rows[0];
  const models = computeLeaderboard(history, 'month', dataDay).rows.slice(0, 3).map((row) => row.permaslug);
  const { siteName } = getConfig();
  return pageMetadata(getConfig(), {
    // The home page names the site first; other pages end with it (the layout's template).
    title: { absolute: `${siteName} — top AI models and apps by tokens, ${formatDay(dataDay)}` },
    description: `Which AI models and apps use the most tokens on OpenRouter, per UTC day.${leader ? ` #1 on ${formatDay(dataDay)}: ${leader.permaslug}.` : ''} Last 30 days: ${listNames(models)} lead the models, ${listNames(apps.rows.slice(0, 3).map((row) => row.appName))} the apps.`,
    path: '/',
  });
}

export type HomePage = Awaited<ReturnType<typeof loadHomePage>>;

export async function loadHomePage() {
  const { history, asOf, dataDay, source } = await getModelHistory();
  const month = windowRange('month', dataDay);
  // The default /apps view: the same cached upstream request as that page, so the preview costs nothing extra.
  const apps = await getAppsView(DEFAULT_APPS_QUERY);
  const day = computeLeaderboard(history, 'day', dataDay);
  const thirty = computeLeaderboard(history, 'month', dataDay);
  const movers = biggestMovers(computeLeaderboard(history, 'week', dataDay), 5);
  const site = getConfig();
  const structured = [
    websiteJsonLd(site, 'Which AI models and apps use the most tokens, per UTC day: rankings, history and downloads from the OpenRouter Datasets API.'),
    datasetJsonLd(site, {
      name: `Top AI models by tokens, the last 30 days to ${formatDay(dataDay)}`,
      description: `Tokens per AI model on OpenRouter over ${formatRange(month.start, month.end)} (UTC), ranked, with share of all tokens and change vs the 30 days before.`,
      path: modelsHref(),
      source: 'rankings-daily',
      demo: source === 'demo',
      start: month.start,
      end: month.end,
      asOf,
      csv: modelsDownloadHref({ window: 'month' }, 'csv'),
      json: modelsDownloadHref({ window: 'month' }, 'json'),
    }),
  ];
  return { history, asOf, dataDay, source, month, apps, day, thirty, movers, leader: day.rows[0], structured };
}
