import { csvField, csvFileName, exportFileName, toCsv, type CsvColumn } from '@/lib/export/csv';

/**
 * A strict RFC 4180 reader, written independently of the writer: CRLF-terminated records, quoted
 * fields may hold commas, CR, LF and doubled quotes. Throws on anything a conforming file cannot hold.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== ',' && next !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += char;
        i += 1;
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (char === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (char === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += char;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

const BOM = '\uFEFF';

function withoutBom(text: string): string {
  expect(text.startsWith(BOM)).toBe(true);
  return text.slice(BOM.length);
}

interface AppRow {
  name: string;
  tokens: string;
  change: string;
}

const columns: CsvColumn<AppRow>[] = [
  { header: 'app_name', value: (row) => row.name },
  { header: 'total_tokens', value: (row) => row.tokens },
  { header: 'change', value: (row) => row.change },
];

describe('csvField', () => {
  it('leaves plain text and numbers unquoted', () => {
    expect(csvField('Tavern Tales')).toBe('Tavern Tales');
    expect(csvField('12345678901234567890123')).toBe('12345678901234567890123');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, double quotes, CR and LF, doubling the quotes', () => {
    expect(csvField('Chat, Search & Summarize')).toBe('"Chat, Search & Summarize"');
    expect(csvField('The "Quiet" Novelist')).toBe('"The ""Quiet"" Novelist"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('"')).toBe('""""');
  });

  it('quotes leading and trailing spaces so readers keep them', () => {
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('padded ')).toBe('"padded "');
    expect(csvField('in between')).toBe('in between');
  });

  it('neutralises cells a spreadsheet would evaluate as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvField('\0=1')).toBe("'\0=1");
    expect(csvField('-')).toBe("'-");
    expect(csvField('+1')).toBe("'+1");
  });

  it('does not touch plain numbers, including negative ones', () => {
    expect(csvField('-1.5')).toBe('-1.5');
    expect(csvField('-42')).toBe('-42');
    expect(csvField('0.25')).toBe('0.25');
    expect(csvField('12.34%')).toBe('12.34%');
  });

  it('keeps formula characters that are not first as they are', () => {
    expect(csvField('Autocomplete+')).toBe('Autocomplete+');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('user@example.com')).toBe('user@example.com');
  });
});

describe('toCsv', () => {
  const preamble = ['Source: OpenRouter (openrouter.ai/apps), as of 2026-11-25T00:00:00.000Z.', 'Licensed under CC BY 4.0. https://creativecommons.org/licenses/by/4.0/'];

  it('writes BOM, preamble, an empty line, header and rows, every line ending in CRLF', () => {
    const csv = toCsv(columns, [{ name: 'Tilde', tokens: '10', change: '-1.5' }], preamble);
    expect(csv).toBe(
      BOM +
        '"Source: OpenRouter (openrouter.ai/apps), as of 2026-11-25T00:00:00.000Z."\r\n' +
        'Licensed under CC BY 4.0. https://creativecommons.org/licenses/by/4.0/\r\n' +
        '\r\n' +
        'app_name,total_tokens,change\r\n' +
        'Tilde,10,-1.5\r\n',
    );
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('starts straight with the header when there is no preamble', () => {
    expect(toCsv(columns, [], [])).toBe(`${BOM}app_name,total_tokens,change\r\n`);
  });

  it('round-trips awkward values through an RFC 4180 reader', () => {
    const rows: AppRow[] = [
      { name: 'Café, "Le" 東京 🚀', tokens: '340282366920938463463374607431768211456', change: '-0.5' },
      { name: 'Chat, Search & Summarize', tokens: '0', change: '12.34%' },
      { name: 'The "Quiet" Novelist', tokens: '7', change: '' },
      { name: 'multi\nline\r\nname', tokens: '1', change: '3' },
      { name: ' spaced out ', tokens: '2', change: '4' },
      { name: '物語メーカー', tokens: '3', change: '5' },
      { name: 'Café Writer ✍️', tokens: '4', change: '6' },
    ];
    const records = parseCsv(withoutBom(toCsv(columns, rows, preamble)));
    expect(records.slice(0, 3)).toEqual([[preamble[0]], [preamble[1]], ['']]);
    expect(records[3]).toEqual(['app_name', 'total_tokens', 'change']);
    expect(records.slice(4)).toEqual(rows.map((row) => [row.name, row.tokens, row.change]));
  });

  it('round-trips formula-like values with only the guard quote added', () => {
    const rows: AppRow[] = [
      { name: '=1+1', tokens: '1', change: '-1' },
      { name: '@handle, "quoted"', tokens: '2', change: '+3' },
    ];
    const records = parseCsv(withoutBom(toCsv(columns, rows, [])));
    expect(records.slice(1)).toEqual([
      ["'=1+1", '1', '-1'],
      [`'@handle, "quoted"`, '2', "'+3"],
    ]);
  });

  it('guards and quotes the preamble and header like any other field', () => {
    const csv = toCsv([{ header: '=evil', value: (row: AppRow) => row.name }], [], ['=HYPERLINK("x")']);
    expect(parseCsv(withoutBom(csv))).toEqual([[`'=HYPERLINK("x")`], [''], ["'=evil"]]);
  });

  it('keeps every character of Unicode names (UTF-8 with BOM)', () => {
    const name = 'Café, "Le" 東京 🚀';
    const bytes = Buffer.from(toCsv(columns, [{ name, tokens: '1', change: '0' }], []), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    expect(parseCsv(decoded)[1]).toEqual([name, '1', '0']);
  });
});

describe('Unicode app names', () => {
  // Each written with escapes so the source file's own encoding or normalisation cannot alter them.
  const names = {
    emoji: 'Rocket \u{1F680} Chat \u{1F469}\u200D\u{1F4BB} \u{1F1EF}\u{1F1F5}',
    cjk: '\u7269\u8A9E\u30E1\u30FC\u30AB\u30FC, \u6771\u4EAC',
    combining: 'Cafe\u0301 Writer \u270D\uFE0F', // e + COMBINING ACUTE, not the precomposed é
    precomposed: 'Caf\u00E9 Writer',
    rtl: '\u0645\u0633\u0627\u0639\u062F "\u0627\u0644\u0643\u062A\u0627\u0628\u0629"',
    bidi: '\u05E2\u05D5\u05D6\u05E8 AI \u200F(\u05D1\u05D8\u05D0)\u200E',
    astral: '\u{1D4D0}\u{1D4D1} \u{20BB7}',
  };

  it('come back byte for byte from the UTF-8 file: no normalisation, no lost code units', () => {
    const rows: AppRow[] = Object.values(names).map((name, i) => ({ name, tokens: String(i), change: '0' }));
    const bytes = Buffer.from(toCsv(columns, rows, []), 'utf8');
    const decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const parsed = parseCsv(withoutBom(decoded)).slice(1);
    expect(parsed.map((record) => record[0])).toEqual(Object.values(names));
    for (const [i, name] of Object.values(names).entries()) {
      expect(Buffer.from(parsed[i]![0]!, 'utf8').equals(Buffer.from(name, 'utf8'))).toBe(true);
    }
    // The decomposed and precomposed spellings stay different, as the upstream sent them.
    expect(parsed[2]![0]!.startsWith('Cafe\u0301')).toBe(true);
    expect(parsed[3]![0]).toBe('Caf\u00E9 Writer');
  });

  it('are quoted only for a comma or quotes, never for being non-ASCII', () => {
    expect(csvField(names.emoji)).toBe(names.emoji);
    expect(csvField(names.combining)).toBe(names.combining);
    expect(csvField(names.bidi)).toBe(names.bidi);
    expect(csvField(names.cjk)).toBe(`"${names.cjk}"`);
    expect(csvField(names.rtl)).toBe(`"${names.rtl.replaceAll('"', '""')}"`);
  });
});

describe('file names', () => {
  it('builds a safe tokenboard-… name', () => {
    expect(csvFileName(['apps', '2026-10-01', '2026-10-31', 'popular', 'coding'])).toBe('tokenboard-apps-2026-10-01-2026-10-31-popular-coding.csv');
    expect(exportFileName(['models', '2026-10-01', '2026-10-31'], 'json')).toBe('tokenboard-models-2026-10-01-2026-10-31.json');
  });

  it('reduces anything else to lower-case ASCII, digits and single dashes', () => {
    expect(csvFileName(['Café, "Le" 東京 🚀', '../../etc/passwd', '', 'a\r\nb;c'])).toBe('tokenboard-cafe-le-etc-passwd-a-b-c.csv');
    expect(csvFileName(['---'])).toBe('tokenboard.csv');
  });

  it('dates a download with its data day', () => {
    expect(csvFileName(['models', 'week', '2026-11-29'])).toBe('tokenboard-models-week-2026-11-29.csv');
    expect(exportFileName(['model', 'deepseek/deepseek-chat-v3.1:free', '2026-11-29'], 'json')).toBe(
      'tokenboard-model-deepseek-deepseek-chat-v3-1-free-2026-11-29.json',
    );
  });

  it('keeps the last part (the data day) whole when a long name is cut', () => {
    const name = exportFileName(['model', `someone/${'very-long-model-name-'.repeat(12)}`, '2026-11-29'], 'csv');
    expect(name.length).toBeLessThanOrEqual(154);
    expect(name).toMatch(/^tokenboard-model-someone-very-long-model-name-[a-z0-9-]*[a-z0-9]-2026-11-29\.csv$/);
    expect(name).not.toMatch(/--/);
    expect(exportFileName(['x', 'y'.repeat(400)], 'csv')).toMatch(/^tokenboard-y{139}\.csv$/);
  });

  it('caps the length without leaving a trailing dash', () => {
    const name = csvFileName(['x'.repeat(60), 'y'.repeat(60), 'z'.repeat(60)]);
    expect(name.length).toBeLessThanOrEqual(154);
    expect(name).toMatch(/^tokenboard-x+-y+-z+\.csv$/);
  });
});
