import 'server-only';
import { randomBytes } from 'node:crypto';
import { getConfig } from '../env';

const GENERATED = Symbol.for('tokenboard.auth-secret');

/**
 * The secret that signs sessions and CSRF tokens. Production with staff sign-in cannot start without a
 * strong one (lib/env.ts); elsewhere a random one per process is used, so sessions end at restart.
 */
export function authSecret(): string {
  const configured = getConfig().staff.secret;
  if (configured) return configured;
  const holder = globalThis as typeof globalThis & { [GENERATED]?: string };
  holder[GENERATED] ??= randomBytes(32).toString('base64url');
  return holder[GENERATED];
}
