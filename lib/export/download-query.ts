import { BOARDS, type BoardId, type DownloadQuery } from '../boards';
import type { Parsed } from '../boards/board';
import { strictParams } from '../http';

/**
 * Reads the query string of a public download strictly, before anything is fetched: every parameter
 * known and given once, every value one the board publishes (its download spec). Messages name the
 * parameter at fault.
 */

export type { DownloadQuery } from '../boards';
export type DownloadQueryResult = Parsed<DownloadQuery>;

/** `dataDay` is the current data day (a clock reading, not a data call): it bounds the complete months. */
export function readDownloadQuery(table: BoardId, search: URLSearchParams, dataDay: string): DownloadQueryResult {
  const spec = BOARDS[table].download;
  const refused = [...search.keys()].find((name) => spec.refusedParams && Object.hasOwn(spec.refusedParams, name));
  if (refused) return { ok: false, param: refused, message: spec.refusedParams![refused]! };
  const parsed = strictParams(search, spec.params);
  if ('error' in parsed) return { ok: false, param: parsed.param, message: parsed.error };
  return spec.read(parsed.values, dataDay);
}
