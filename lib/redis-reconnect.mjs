/**
 * The one reconnect policy of every Redis connection (the data layer's, lib/redis.ts, and the ISR cache
 * handler's, lib/cache/redis-cache-handler.mjs, which Next loads as plain JavaScript): exponential from
 * 50 ms, at most 2 s, with jitter so instances do not reconnect in step; it never gives up, so Redis
 * coming back needs no restart.
 * @param {number} retries
 * @returns {number} milliseconds before the next attempt
 */
export function reconnectDelay(retries) {
  return Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
}
