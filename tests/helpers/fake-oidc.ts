import path from 'node:path';
import { spawnServer } from './spawn-server';

const SERVER_PATH = path.resolve(__dirname, '../fake-oidc/server.mjs');

export interface StartFakeOidcOptions {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs registered for the client, e.g. http://127.0.0.1:3100/api/auth/callback/oidc */
  redirectUris: string[];
  /** A fixed port; a free one when omitted. */
  port?: number;
}

export interface FakeOidc {
  /** http://127.0.0.1:PORT — also the issuer; discovery is at `${origin}/.well-known/openid-configuration`. */
  origin: string;
  /** Emails (lowercased) of every completed login, oldest first. */
  logins(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startFakeOidc(opts: StartFakeOidcOptions): Promise<FakeOidc> {
  const env: Record<string, string> = {
    FAKE_OIDC_PORT: String(opts.port ?? 0),
    FAKE_OIDC_CLIENT_ID: opts.clientId,
    FAKE_OIDC_CLIENT_SECRET: opts.clientSecret,
    FAKE_OIDC_REDIRECT_URIS: opts.redirectUris.join(','),
  };

  const { origin, stop } = await spawnServer('fake oidc', SERVER_PATH, env);

  return {
    origin,
    logins: async () => {
      const res = await fetch(`${origin}/__control/logins`);
      if (!res.ok) throw new Error(`fake oidc GET logins failed: ${res.status}`);
      return ((await res.json()) as { logins: string[] }).logins;
    },
    stop,
  };
}
