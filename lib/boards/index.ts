import { DOWNLOAD_FORMATS, type DownloadFormat } from '../downloads';
import { appsBoard } from './apps/board';
import type { Board, DownloadSpec, EmbedSpec, ExplorerSpec } from './board';
import { modelBoard } from './model/board';
import { modelsBoard } from './models/board';
import { slicesBoard } from './slices/board';

/**
 * Every board the site publishes. Downloads, widgets, citations and page tags read this record instead of
 * asking which board they serve; a new board is a folder under lib/boards and a line here (README,
 * "Adding a board"). Browser-safe; the server half (loaders and files) is lib/boards/server.ts.
 */
export const BOARDS = {
  models: modelsBoard,
  apps: appsBoard,
  model: modelBoard,
  slices: slicesBoard,
} as const;

export type BoardId = keyof typeof BOARDS;
export const BOARD_IDS = Object.keys(BOARDS) as BoardId[];

type DownloadQueryOf<B> = B extends { download: DownloadSpec<infer Q> } ? Q : never;
type EmbedOf<B> = B extends { embed?: EmbedSpec<infer E> } ? E : never;

/** A validated download of any board: `{ table: 'models', period }`, `{ table: 'apps', view }`, … */
export type DownloadQuery = { [Id in BoardId]: DownloadQueryOf<(typeof BOARDS)[Id]> }[BoardId];
/** A validated widget of any board that has one. */
export type Embed = { [Id in BoardId]: EmbedOf<(typeof BOARDS)[Id]> }[BoardId];

type ExplorerQueryOf<B> = B extends { explorer?: { filterValues(query: infer Q): unknown } } ? Q : never;
type FilterOf<B> = B extends { explorer?: { filters: Readonly<Record<infer F, string>> } } ? F : never;

/** A staff explorer query of any board that has one: `{ dataset: 'models', start, end }`, `{ dataset: 'apps', start, end, sort, … }`. */
export type ExplorerQuery = { [Id in BoardId]: ExplorerQueryOf<(typeof BOARDS)[Id]> }[BoardId];
export type ExplorerDataset = ExplorerQuery['dataset'];
/** Every explorer board's own parameters beyond the window. */
export type ExplorerFilter = { [Id in BoardId]: FilterOf<(typeof BOARDS)[Id]> }[BoardId];

/** The boards the staff explorer offers, in the registry's order. */
export const EXPLORER_DATASETS = BOARD_IDS.filter((id): id is ExplorerDataset => 'explorer' in BOARDS[id]);

export function explorerSpecOf(dataset: ExplorerDataset): ExplorerSpec<ExplorerQuery, ExplorerFilter> {
  return (BOARDS[dataset] as Board<never, never, ExplorerQuery, ExplorerFilter>).explorer!;
}

export function isBoardId(value: string): value is BoardId {
  return Object.hasOwn(BOARDS, value);
}

/** The board's download spec for a query of that board (the one place the union is narrowed). */
export function downloadSpecOf<Q extends DownloadQuery>(query: Q): DownloadSpec<Q> {
  return BOARDS[query.table].download as unknown as DownloadSpec<Q>;
}

/** `models.csv` → `{ table: 'models', format: 'csv' }`; null for any other file name. */
export function parseDownloadFile(file: string): { table: BoardId; format: DownloadFormat } | null {
  const dot = file.lastIndexOf('.');
  const [table, format] = [file.slice(0, dot), file.slice(dot + 1)];
  if (dot < 0 || !isBoardId(table) || !(DOWNLOAD_FORMATS as readonly string[]).includes(format)) return null;
  return { table, format: format as DownloadFormat };
}

/** The file names `/download/` serves, for the message of a 404: `models.csv or models.json, apps.csv or …`. */
export const DOWNLOAD_FILES = BOARD_IDS.map((id) => DOWNLOAD_FORMATS.map((format) => `${id}.${format}`).join(' or ')).join(', ');

/** The boards that publish a widget, by the path of their public URL (`/embed/models`, `/embed/rankings`). */
const EMBEDS_BY_PATH: ReadonlyMap<string, EmbedSpec<Embed>> = new Map(
  BOARD_IDS.flatMap((id) => {
    const embed = (BOARDS[id] as Board<{ table: string }, Embed>).embed;
    return embed ? [[embed.path, embed] as const] : [];
  }),
);

/** The public widget paths, for middleware.ts: each is rewritten to its ISR page. */
export const EMBED_PATHS: readonly string[] = [...EMBEDS_BY_PATH.keys()];

export function isEmbedPath(pathname: string): boolean {
  return EMBEDS_BY_PATH.has(pathname);
}

function embedSpecOf(embed: Embed): EmbedSpec<Embed> {
  return (BOARDS[embed.kind] as Board<{ table: string }, Embed>).embed!;
}

/** A public widget URL (`/embed/models`, `/embed/apps` or `/embed/rankings` plus query) as the widget it names, or null. */
export function embedOfUrl(pathname: string, searchParams: URLSearchParams): Embed | null {
  const spec = EMBEDS_BY_PATH.get(pathname);
  return spec ? spec.of(Object.fromEntries([...searchParams.keys()].map((name) => [name, searchParams.get(name)]))) : null;
}

/** The ISR page a widget renders at (every value spelled out). */
export function embedPagePath(embed: Embed): string {
  return embedSpecOf(embed).pagePath(embed);
}

/** The public URL of a widget, defaults dropped and parameters in a fixed order: the one to paste into an iframe. */
export function embedHref(embed: Embed): string {
  const spec = embedSpecOf(embed);
  const search = spec.search(embed).toString();
  return `${spec.path}${search ? `?${search}` : ''}`;
}
