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
 * The inside of a `<table>`: caption, a head of `th scope="col"`, and one row per entry whose first
 * cell is its `th scope="row"` — the same markup TableHead and the data tables render.
 */
export function staticTableHtml(caption: string, columns: readonly StaticColumn[], rows: readonly (readonly string[])[]): string {
  const cls = (numeric?: boolean) => (numeric ? ' class="num"' : '');
  const head = columns.map((c) => `<th scope="col"${cls(c.numeric)}>${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map(([header = '', ...cells]) => `<tr><th scope="row">${escapeHtml(header)}</th>${cells.map((cell, i) => `<td${cls(columns[i + 1]?.numeric)}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
}
