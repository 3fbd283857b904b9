/**
 * CSV as spreadsheets read it (RFC 4180): CRLF line endings, fields quoted only when needed, quotes
 * doubled. Pure and dependency-free, for staff exports and public downloads alike.
 */

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string;
}

// Excel and LibreOffice guess a legacy code page for a CSV without a byte order mark.
const BOM = '\uFEFF';
const CRLF = '\r\n';

// A leading or trailing space is kept only inside quotes by many readers.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
// A spreadsheet evaluates a cell starting with one of these as a formula (OWASP CSV injection; NUL per ASVS).
const FORMULA_START = /^[=+\-@\t\r\0]/;
// Negative figures stay numbers: a minus followed by digits only cannot call anything.
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** One field, guarded against formula evaluation and quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/**
 * A complete CSV file: byte order mark, the preamble lines (e.g. citation and licence) each as a
 * one-field record, an empty line, the header row, then one record per row. Every line ends with CRLF.
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], preamble: readonly string[]): string {
  const lines = [
    ...preamble.map((line) => csvRecord([line])),
    ...(preamble.length > 0 ? [''] : []),
    csvRecord(columns.map((column) => column.header)),
    ...rows.map((row) => csvRecord(columns.map((column) => column.value(row)))),
  ];
  return BOM + lines.map((line) => line + CRLF).join('');
}

const MAX_NAME_LENGTH = 150;

function fileNamePart(part: string): string {
  return part
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `tokenboard-<part>-<part>….<extension>`: lower-case ASCII letters, digits and single dashes only, so
 * the name is safe in a Content-Disposition header and on every file system. Past 150 characters the
 * parts before the last are cut, never the last one (the data day or end date that dates the file).
 */
export function exportFileName(parts: readonly string[], extension: 'csv' | 'json'): string {
  const [prefix, ...rest] = ['tokenboard', ...parts].map(fileNamePart).filter(Boolean);
  const trim = (text: string, length: number) => text.slice(0, length).replace(/-+$/, '');
  const last = trim(rest.pop() ?? '', MAX_NAME_LENGTH - prefix!.length - 1);
  const head = trim([prefix, ...rest].join('-'), MAX_NAME_LENGTH - (last ? last.length + 1 : 0));
  return `${[head, last].filter(Boolean).join('-')}.${extension}`;
}

export function csvFileName(parts: readonly string[]): string {
  return exportFileName(parts, 'csv');
}
