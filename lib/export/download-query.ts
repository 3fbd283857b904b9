import { BOARDS, type BoardId, type DownloadQuery } from '../boards';
import { parseQuery, type Parsed } from '../query';

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
  return parseQuery<DownloadQuery>(search, spec.params, (values) => spec.read(values, dataDay));
}
