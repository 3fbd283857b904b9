import { escapeHtml, staticTableHtml } from '@/lib/html';

describe('static table HTML', () => {
  it('escapes every character that could end text or an attribute', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    expect(escapeHtml('anthropic/claude-sonnet-4.5:free — ☃')).toBe('anthropic/claude-sonnet-4.5:free — ☃');
  });

  it('writes caption, scoped column and row headers, and marks only the cells of text columns', () => {
    const html = staticTableHtml(
      'Daily tokens per model, Nov 1 – Nov 2, 2026 (UTC)',
      [{ label: 'Date (UTC)' }, { label: 'a/<b>', numeric: true }, { label: 'Note' }],
      [
        ['Nov 1, 2026', '1,000', 'x'],
        ['Nov 2, 2026', '3', '<y>'],
      ],
    );
    expect(html).toBe(
      '<caption>Daily tokens per model, Nov 1 – Nov 2, 2026 (UTC)</caption>' +
        '<thead><tr><th scope="col">Date (UTC)</th><th scope="col" class="num">a/&lt;b&gt;</th><th scope="col">Note</th></tr></thead>' +
        '<tbody><tr><th scope="row">Nov 1, 2026</th><td>1,000</td><td class="text">x</td></tr>' +
        '<tr><th scope="row">Nov 2, 2026</th><td>3</td><td class="text">&lt;y&gt;</td></tr></tbody>',
    );
  });

  it('writes an empty body for no rows', () => {
    expect(staticTableHtml('c', [{ label: 'Date' }], [])).toBe('<caption>c</caption><thead><tr><th scope="col">Date</th></tr></thead><tbody></tbody>');
  });
});
