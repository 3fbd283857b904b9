import type { AppCategory, AppSubcategory } from '../../datasets/endpoints/app-rankings/values';
import type { AppSort } from '../../datasets/endpoints/app-rankings/values';

/** The app-ranking views the site publishes (public pages and GET /api/apps share this model). */
export const APPS_WINDOWS = ['day', 'week', 'month'] as const;
export type AppsWindow = (typeof APPS_WINDOWS)[number];
export const APPS_PAGE_SIZES = [25, 50] as const;
export type AppsPageSize = (typeof APPS_PAGE_SIZES)[number];
/** Two upstream pages of 100 (offset 0 and 100): the most ranks the upstream lets anyone reach. */
export const APPS_MAX_RANKS = 200;

export interface AppsQuery {
  sort: AppSort;
  window: AppsWindow;
  category: AppCategory | null;
  subcategory: AppSubcategory | null;
  /** 1-based. */
  page: number;
  pageSize: AppsPageSize;
}

export const DEFAULT_APPS_QUERY: AppsQuery = {
  sort: 'popular',
  window: 'month',
  category: null,
  subcategory: null,
  page: 1,
  pageSize: 25,
};

/** One row as published: JSON-safe (token totals as exact decimal strings). */
export interface AppsViewRow {
  rank: number;
  appId: number;
  appName: string;
  tokens: string;
  requests: number;
  /** Rounded to a whole token; null when the app reported no requests. */
  tokensPerRequest: string | null;
  /** Share of the view's listed total (all ranks fetched for the view), in basis points. */
  shareBp: number;
  /** Previous rank − rank (positive = up); null when not compared or new. */
  movement: number | null;
  /** Absent from the previous window's list (only when `comparable`). */
  isNew: boolean;
}

/** Everything a page or client island needs to show one page of a view, and what /api/apps returns. */
export interface AppsView {
  query: AppsQuery;
  dataDay: string;
  range: { start: string; end: string };
  asOf: string;
  source: 'openrouter' | 'demo';
  /** The citation to print (or the demo label), and the licence when live. */
  citation: string;
  license: { text: string; url: string } | null;
  /** Ranks in the whole view (≤ 200). Trending lists may be short. */
  totalRanked: number;
  pageCount: number;
  /** Sum of the tokens of every listed app in the view (decimal string). */
  listedTotal: string;
  /** Rank movement vs the previous equal window is shown (unfiltered views). */
  comparable: boolean;
  rows: AppsViewRow[];
}

/** Every rank of a view (up to 200) with its comparison: what a download holds, and what each page slices. */
export interface AppsRanking {
  dataDay: string;
  range: { start: string; end: string };
  asOf: string;
  source: 'openrouter' | 'demo';
  /** Sum of the tokens of every listed app in the view (decimal string). */
  listedTotal: string;
  /** Rank movement vs the previous equal window is known (unfiltered views). */
  comparable: boolean;
  rows: AppsViewRow[];
}
