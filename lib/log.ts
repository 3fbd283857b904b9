/**
 * One JSON object per line on stdout, so a log shipper can parse it. Callers pass only fields that are
 * safe to publish: request parameters, statuses, timings — never headers, keys or cookies.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined | Record<string, string>>;

export type Logger = (event: string, fields: LogFields, level?: 'info' | 'warn' | 'error') => void;

export const logEvent: Logger = (event, fields, level = 'info') => {
  const line = JSON.stringify({ ts: new Date().toISOString(), level, event, ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
};
