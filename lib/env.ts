import 'server-only';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration, read and validated once. A bad value stops the server at startup (see
 * instrumentation.ts) with one line naming the variable; nothing else reads `process.env` for these.
 */

const positiveInt = (max: number) =>
  z.coerce.number().int().min(1, { message: 'must be a whole number of at least 1' }).max(max, { message: `must be at most ${max} (the upstream's limit)` });

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

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
  /** How long a visitor's request may wait for a quota slot before it is answered 503 (or fails). */
  QUOTA_VISITOR_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5_000),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  UPSTREAM_MAX_ATTEMPTS: positiveInt(5).default(3),
  AUTH_SECRET: optionalString,
  NEXTAUTH_SECRET: optionalString,
  STAFF_OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/, message: 'must be the http(s) URL of an OpenID Connect issuer' }).optional()),
  STAFF_OIDC_CLIENT_ID: optionalString,
  STAFF_OIDC_CLIENT_SECRET: optionalString,
  STAFF_OIDC_NAME: z.string().trim().min(1).max(60).default('Single sign-on'),
  /** `email:scrypt-hash` pairs (from `npm run staff:hash`), separated by commas, spaces or newlines. */
  STAFF_USERS: optionalString,
  /** Emails and `@domain` entries, separated by commas, spaces or newlines. */
  STAFF_ALLOWLIST: optionalString,
  /** A file of allowlist entries, re-read when it changes: removing a line revokes access at once. */
  STAFF_ALLOWLIST_FILE: optionalString,
  STAFF_SESSION_MINUTES: z.coerce.number().int().min(5).max(720).default(60),
  /** Shared state for several instances (quota, response cache, attempts, locks; Next's cache too). */
  /** Requests per minute one client may make to `/api/*` (0 turns the limit off, e.g. for load tests). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' }).optional()),
  NODE_ENV: z.string().optional(),
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
  quota: { perMinute: number; perDay: number; visitorWaitMs: number };
  upstreamTimeoutMs: number;
  maxAttempts: number;
  staff: StaffConfig;
  /** Set: instances share state through Redis; unset: single machine, state under DATA_DIR. */
  redisUrl: string | undefined;
  /** Per client and minute on `/api/*`; 0 = no limit. */
  apiRateLimitPerMinute: number;
}

export interface StaffConfig {
  /** Some way to sign in is configured; otherwise every staff route is closed. */
  enabled: boolean;
  /** Signs session tokens and CSRF tokens; undefined only when staff sign-in is off or outside production. */
  secret: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
  /** Lowercased email → scrypt hash. */
  users: ReadonlyMap<string, string>;
  allowlist: readonly string[];
  allowlistFile: string | undefined;
  sessionMinutes: number;
  /** Cookies get `__Secure-`/`__Host-` names and the Secure flag (the site is served over https). */
  secureCookies: boolean;
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
  const staff = parseStaff(e, e.SITE_URL.startsWith('https://'));
  return {
    mode: e.OPENROUTER_API_KEY ? 'live' : 'demo',
    apiKey: e.OPENROUTER_API_KEY,
    baseUrl: e.OPENROUTER_BASE_URL,
    siteUrl: e.SITE_URL,
    siteName: SITE_NAME,
    dataDir: path.resolve(e.DATA_DIR),
    settleMinutes: e.DATA_SETTLE_MINUTES,
    quota: { perMinute: e.QUOTA_PER_MINUTE, perDay: e.QUOTA_PER_DAY, visitorWaitMs: e.QUOTA_VISITOR_WAIT_MS },
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    maxAttempts: e.UPSTREAM_MAX_ATTEMPTS,
    staff,
    redisUrl: e.REDIS_URL,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
  };
}

const EMAIL = /^[^\s@:,]+@[^\s@:,]+\.[^\s@:,]+$/;
const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[\w-]{16,}\$[\w-]{32,}$/;

/** Splits a list written with commas, spaces or newlines; `#` starts a comment. */
export function splitList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join(',')
    .split(/[\s,]+/)
    .filter(Boolean);
}

function parseStaff(e: Env, secureCookies: boolean): StaffConfig {
  const oidcParts = [e.STAFF_OIDC_ISSUER, e.STAFF_OIDC_CLIENT_ID, e.STAFF_OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError('Invalid configuration: STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET must be set together');
  }
  const users = new Map<string, string>();
  for (const entry of splitList(e.STAFF_USERS ?? '')) {
    const at = entry.indexOf(':');
    const email = entry.slice(0, at).toLowerCase();
    const hash = entry.slice(at + 1);
    if (at < 0 || !EMAIL.test(email) || !SCRYPT_HASH.test(hash)) {
      throw new ConfigError('Invalid configuration: STAFF_USERS entries must be email:hash, with the hash printed by `npm run staff:hash`');
    }
    users.set(email, hash);
  }
  const oidc =
    e.STAFF_OIDC_ISSUER && e.STAFF_OIDC_CLIENT_ID && e.STAFF_OIDC_CLIENT_SECRET
      ? { issuer: e.STAFF_OIDC_ISSUER.replace(/\/+$/, ''), clientId: e.STAFF_OIDC_CLIENT_ID, clientSecret: e.STAFF_OIDC_CLIENT_SECRET, name: e.STAFF_OIDC_NAME }
      : undefined;
  const enabled = oidc !== undefined || users.size > 0;
  const secret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (enabled && e.NODE_ENV === 'production') {
    const weakness = secretWeakness(secret);
    if (weakness) throw new ConfigError(`Invalid configuration: AUTH_SECRET ${weakness} (generate one with \`openssl rand -base64 32\`)`);
  }
  return {
    enabled,
    secret,
    oidc,
    users,
    allowlist: splitList(e.STAFF_ALLOWLIST ?? '').map((entry) => entry.toLowerCase()),
    allowlistFile: e.STAFF_ALLOWLIST_FILE ? path.resolve(e.STAFF_ALLOWLIST_FILE) : undefined,
    sessionMinutes: e.STAFF_SESSION_MINUTES,
    secureCookies,
  };
}

/** Why a session secret is not good enough for production, or undefined when it is. */
export function secretWeakness(secret: string | undefined): string | undefined {
  if (!secret) return 'must be set when staff sign-in is configured in production';
  if (secret.length < 32) return 'must be at least 32 characters';
  if (new Set(secret).size < 12) return 'is too repetitive to be a random secret';
  if (/change.?me|secret|password|example/i.test(secret)) return 'looks like a placeholder';
  return undefined;
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
