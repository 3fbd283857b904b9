import { spawn } from 'node:child_process';
import path from 'node:path';

const SERVER_PATH = path.resolve(__dirname, '../fake-oidc/server.mjs');
const START_TIMEOUT_MS = 10_000;

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
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FAKE_OIDC_PORT: String(opts.port ?? 0),
    FAKE_OIDC_CLIENT_ID: opts.clientId,
    FAKE_OIDC_CLIENT_SECRET: opts.clientSecret,
    FAKE_OIDC_REDIRECT_URIS: opts.redirectUris.join(','),
  };

  const child = spawn(process.execPath, [SERVER_PATH], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const origin = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`fake oidc ${reason}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.removeListener('exit', onEarlyExit);
        resolve(match[1]!);
      }
    });
    const onEarlyExit = (code: number | null) => fail(`exited with code ${code} before listening`);
    child.once('exit', onEarlyExit);
  });

  return {
    origin,
    logins: async () => {
      const res = await fetch(`${origin}/__control/logins`);
      if (!res.ok) throw new Error(`fake oidc GET logins failed: ${res.status}`);
      return ((await res.json()) as { logins: string[] }).logins;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
