/**
 * The permaslugs the model history holds, published process-wide by the data layer each time a page loads
 * the history, so that middleware.ts can answer an unknown model's page with the site's static 404: a
 * notFound() raised while Next renders a page on demand leaves the response's HTML empty (the 404 is
 * drawn in the browser only; vercel/next.js#95613). Same pattern as lib/availability.ts: no imports, no
 * I/O, nothing but a set held on globalThis.
 */
const KEY = Symbol.for('tokenboard.knownModels');

interface KnownModels {
  /** The data day of the history the set was read from. */
  dataDay: string;
  permaslugs: ReadonlySet<string>;
}

type Holder = typeof globalThis & { [KEY]?: KnownModels };

export function reportKnownModels(dataDay: string, permaslugs: ReadonlySet<string>): void {
  (globalThis as Holder)[KEY] = { dataDay, permaslugs };
}

/**
 * True only when the history of `dataDay` has been loaded in this process and does not hold the model.
 * Not known yet (a fresh process, or a data day no page has loaded yet, when a new model may have
 * appeared): false, and the page decides.
 */
export function isUnknownModel(permaslug: string, dataDay: string): boolean {
  const known = (globalThis as Holder)[KEY];
  return known !== undefined && known.dataDay === dataDay && !known.permaslugs.has(permaslug);
}
