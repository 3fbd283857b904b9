import 'server-only';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration, read and validated once. A bad value stops the server at startup (see
 * instrumentation.ts) with one line naming the variable; nothing else reads `process.env` for these.
 */

const positiveInt = (max: number) =>
  z.coerce.number().int().min(1, { message: 'must be a whole number of at least 1' }).max(max, { message: `must be at most ${max} (the upstream's limit)` });

const schema = z.object({
  OPENROUTER_API_KEY: z
    .string()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || /^[\x21-\x7e]{8,}$/.test(value), {
      message: 'must be at least 8 printable characters with no spaces (or unset for demo data)',
    }),
  OPENROUTER_BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .default('https://openrouter.ai/api/v1')
    .transform((value) => value.replace(/\/+$/, '')),
  SITE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://tokenboard.example' })
    .default('http://localhost:3000')
    .transform((value) => new URL(value).origin),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Minutes after UTC midnight before the day that just ended is considered settled upstream. */
  DATA_SETTLE_MINUTES: z.coerce.number().int().min(0).max(1439).default(60),
  QUOTA_PER_MINUTE: positiveInt(30).default(30),
  QUOTA_PER_DAY: positiveInt(500).default(500),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  UPSTREAM_MAX_ATTEMPTS: positiveInt(5).default(3),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  mode: 'live' | 'demo';
  apiKey: string | undefined;
  baseUrl: string;
  siteUrl: string;
  siteName: string;
  dataDir: string;
  settleMinutes: number;
  quota: { perMinute: number; perDay: number };
  upstreamTimeoutMs: number;
  maxAttempts: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const SITE_NAME = 'Tokenboard';

/** Parses an environment; throws a ConfigError whose message is one line naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}`);
  }
  const e = result.data;
  return {
    mode: e.OPENROUTER_API_KEY ? 'live' : 'demo',
    apiKey: e.OPENROUTER_API_KEY,
    baseUrl: e.OPENROUTER_BASE_URL,
    siteUrl: e.SITE_URL,
    siteName: SITE_NAME,
    dataDir: path.resolve(e.DATA_DIR),
    settleMinutes: e.DATA_SETTLE_MINUTES,
    quota: { perMinute: e.QUOTA_PER_MINUTE, perDay: e.QUOTA_PER_DAY },
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    maxAttempts: e.UPSTREAM_MAX_ATTEMPTS,
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** The key as it may appear in the staff console or logs: never more than its last 4 characters. */
export function redactKey(key: string | undefined): string {
  return key ? `…${key.slice(-4)}` : 'none';
}
