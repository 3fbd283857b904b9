import path from 'node:path';
import { ConfigError, parseConfig, redactKey } from '@/lib/env';

describe('parseConfig', () => {
  it('runs on demo data with defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      mode: 'demo',
      apiKey: undefined,
      baseUrl: 'https://openrouter.ai/api/v1',
      siteUrl: 'http://localhost:3000',
      dataDir: path.resolve('.data'),
      settleMinutes: 60,
      quota: { perMinute: 30, perDay: 500 },
    });
    expect(parseConfig({ OPENROUTER_API_KEY: '' }).mode).toBe('demo');
  });

  it('switches to live with a key and normalises URLs', () => {
    const config = parseConfig({
      OPENROUTER_API_KEY: 'sk-or-v1-abcdef123456',
      OPENROUTER_BASE_URL: 'http://127.0.0.1:4010/api/v1/',
      SITE_URL: 'https://tokenboard.example/some/path',
      QUOTA_PER_MINUTE: '10',
    });
    expect(config).toMatchObject({ mode: 'live', baseUrl: 'http://127.0.0.1:4010/api/v1', siteUrl: 'https://tokenboard.example' });
    expect(config.quota.perMinute).toBe(10);
  });

  it.each([
    ['OPENROUTER_API_KEY', 'has spaces in it'],
    ['OPENROUTER_BASE_URL', 'ftp://example.com'],
    ['SITE_URL', 'not a url'],
    ['QUOTA_PER_MINUTE', '31'],
    ['QUOTA_PER_DAY', '0'],
    ['DATA_SETTLE_MINUTES', 'soon'],
  ])('stops with one line naming %s', (variable, value) => {
    let error: unknown;
    try {
      parseConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(message).not.toContain('\n');
    expect(message).not.toContain(value);
  });
});

describe('redactKey', () => {
  it('shows at most the last 4 characters', () => {
    expect(redactKey('sk-or-v1-secretvalue1234')).toBe('…1234');
    expect(redactKey(undefined)).toBe('none');
  });
});
