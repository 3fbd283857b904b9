import { escapeHtml, staticTableHtml } from '@/lib/html';

describe('static table HTML', () => {
  it('escapes every character that could end text or an attribute', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    expect(escapeHtml('anthropic/claude-sonnet-4.5:free — ☃')).toBe('anthropic/claude-sonnet-4.5:free — ☃');
  });

  it('writes caption, scoped column and row headers, and right-aligned figures', () => {
    const html = staticTableHtml(
      'Daily tokens per model, Nov 1 – Nov 2, 2026 (UTC)',
      [{ label: 'Date (UTC)' }, { label: 'a/<b>', numeric: true }, { label: 'Everything else', numeric: true }],
      [
        ['Nov 1, 2026', '1,000', '2'],
        ['Nov 2, 2026', '3', '4'],
      ],
    );
    expect(html).toBe(
      '<caption>Daily tokens per model, Nov 1 – Nov 2, 2026 (UTC)</caption>' +
        '<thead><tr><th scope="col">Date (UTC)</th><th scope="col" class="num">a/&lt;b&gt;</th><th scope="col" class="num">Everything else</th></tr></thead>' +
        '<tbody><tr><th scope="row">Nov 1, 2026</th><td class="num">1,000</td><td class="num">2</td></tr>' +
        '<tr><th scope="row">Nov 2, 2026</th><td class="num">3</td><td class="num">4</td></tr></tbody>',
    );
  });

  it('writes an empty body for no rows', () => {
    expect(staticTableHtml('c', [{ label: 'Date' }], [])).toBe('<caption>c</caption><thead><tr><th scope="col">Date</th></tr></thead><tbody></tbody>');
  });
});
