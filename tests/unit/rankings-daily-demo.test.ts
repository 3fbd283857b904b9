import { createHash } from 'node:crypto';
import { createDemoTransport } from '@/lib/datasets/demo-transport';
import { demoRankingsDaily } from '@/lib/datasets/endpoints/rankings-daily/demo';

const NOW = new Date('2026-11-25T12:00:00Z');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('unfiltered daily output is byte-identical to main (0c93ca3)', () => {
  // sha256 of JSON.stringify(demoRankingsDaily(start, end)), captured from main at 0c93ca3 before the slices.
  it.each<[string, string, number, string]>([
    ['2025-06-01', '2025-06-01', 5_025, 'a95163ed015f142ddb1fb40d8a7505662c2b19133cb301cbb16dc201b097b467'],
    ['2025-06-01', '2025-06-30', 150_843, 'a91f6c5ce2e761d2c3ff0337a328479a56359f591518f4830363cc4856ad4e71'],
    ['2025-01-01', '2025-12-31', 1_816_067, 'b3fa667922afb64396b804d1a1309ade32393f343f210a87c107453b4bd59c8e'],
    ['2025-11-24', '2026-11-24', 1_776_287, '83d0b31ec8e4d383e86697a2e660f85b7b79296d3a492ba4241373a42259ff04'],
  ])('demoRankingsDaily %s..%s', (start, end, length, hash) => {
    const text = JSON.stringify(demoRankingsDaily(start, end));
    expect(text.length).toBe(length);
    expect(sha256(text)).toBe(hash);
  });

  // sha256 of the demo transport's whole body (data and meta) at 2026-11-25T12:00Z, captured the same way.
  it.each<[Record<string, string>, number, string]>([
    [{ start_date: '2026-10-25', end_date: '2026-11-24' }, 149_472, '627a3e0dd1241096dd2aca8cdd323e14ec11530ddee596834d759a627c289d9e'],
    [{ start_date: '2025-11-24', end_date: '2026-11-24' }, 1_776_405, 'cd90ad14a2fc71e621d80ef6dcccaee6377304a89b51995df52f49565d7e9510'],
  ])('the demo transport answers %j as before', async (query, length, hash) => {
    const transport = createDemoTransport(() => NOW);
    const res = await transport({ endpoint: 'rankings-daily', query, signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(length);
    expect(sha256(res.body)).toBe(hash);
  });
});
