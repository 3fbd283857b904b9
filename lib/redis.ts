import 'server-only';
import { createClient } from 'redis';
import { logEvent } from './log';
import { reconnectDelay } from './redis-reconnect.mjs';

/**
 * The data layer's Redis connections (when REDIS_URL is set). Commands fail fast when Redis is
 * unreachable — no offline queue, a short per-command timeout — so callers can fall back (serve what
 * they hold) or fail closed (the governor) instead of hanging; the client reconnects by itself.
 */
export type RedisConnection = ReturnType<typeof createClient>;

export const COMMAND_TIMEOUT_MS = 1_000;
/** A batch still unanswered after this long is given up on (a hung server keeps the socket open). */
const HUNG_AFTER_MS = 2 * COMMAND_TIMEOUT_MS;
/** A fresh process waits this long for its first connection; after that, a lost connection fails fast. */
const FIRST_CONNECT_WAIT_MS = 2_000;
const REPORT_EVERY_MS = 30_000;
const firstReady = new WeakMap<RedisConnection, Promise<void>>();

let lastReportAt = 0;
let unavailable = false;

/** One log line per interval while Redis fails, and one when it is back: never one per request. */
export function reportRedisFailure(error: unknown): void {
  unavailable = true;
  const now = Date.now();
  if (now - lastReportAt < REPORT_EVERY_MS) return;
  lastReportAt = now;
  logEvent('redis_unavailable', { message: redisMessage(error) }, 'error');
}

export function reportRedisSuccess(): void {
  if (!unavailable) return;
  unavailable = false;
  lastReportAt = 0;
  logEvent('redis_recovered', {});
}

/** Error text without the URL (it may hold a password). */
function redisMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/rediss?:\/\/\S+/g, 'redis://…').slice(0, 200);
}

export function connectRedis(url: string, name: string): RedisConnection {
  const client = createClient({
    url,
    name: `tokenboard-${name}`,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: {
      connectTimeout: COMMAND_TIMEOUT_MS,
      reconnectStrategy: reconnectDelay,
    },
  });
  client.on('error', reportRedisFailure);
  client.on('ready', reportRedisSuccess);
  firstReady.set(
    client,
    new Promise<void>((resolve) => {
      client.once('ready', resolve);
      setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref();
    }),
  );
  client.connect().catch(reportRedisFailure);
  return client;
}

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/** Runs a command batch, or throws RedisUnavailableError at once when the connection is not ready. */
export async function redisCall<T>(client: RedisConnection, run: (client: RedisConnection) => Promise<T>): Promise<T> {
  if (!client.isReady) await firstReady.get(client);
  if (!client.isReady) throw new RedisUnavailableError('Redis is not connected');
  let timer: NodeJS.Timeout | undefined;
  // node-redis's own command timeout stops applying once a command is on the socket (a hung server).
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HUNG_AFTER_MS} ms`)), HUNG_AFTER_MS);
  });
  try {
    const result = await Promise.race([run(client), hung]);
    reportRedisSuccess();
    return result;
  } catch (error) {
    reportRedisFailure(error);
    throw new RedisUnavailableError(redisMessage(error));
  } finally {
    clearTimeout(timer);
  }
}
