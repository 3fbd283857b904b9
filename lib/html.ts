/**
 * Static HTML for markup React need not hydrate (see components/charts/chart-figures.tsx). Every value
 * is escaped here, so names from the data (a model or app called `<script>`) stay text.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface StaticColumn {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
}

/**
 * The inside of a `<table className="data-table--figures">`: caption, a head of `th scope="col"`, and one
 * row per entry whose first cell is its `th scope="row"` — the markup TableHead and the data tables
 * render. Figures are right-aligned by the table's class rather than a class on each of hundreds of
 * cells (sent twice: in the HTML and in React's payload); a cell of a non-numeric column says so itself.
 */
export function staticTableHtml(caption: string, columns: readonly StaticColumn[], rows: readonly (readonly string[])[]): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const cell = (text: string, i: number) => `<td${columns[i + 1]?.numeric ? '' : ' class="text"'}>${escapeHtml(text)}</td>`;
  const body = rows.map(([header = '', ...cells]) => `<tr><th scope="row">${escapeHtml(header)}</th>${cells.map(cell).join('')}</tr>`).join('');
  return `<caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
}
