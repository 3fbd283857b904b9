import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RedisServer {
  /** redis://127.0.0.1:PORT, with `default:<password>@` when started with a password */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and waits for it to exit; a second call does nothing. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is persisted). */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing is answered, as with a hung server. */
  pause(): Promise<void>;
  /** Lets a paused server run again (SIGCONT). */
  resume(): Promise<void>;
}

export interface StartRedisOptions {
  /** Sets `requirepass`, so a test can check that the password never reaches a log line. */
  password?: string;
}

/** Ports the project's own servers use; a test server must not take them. */
const isReserved = (port: number) => port === 3100 || port === 3101 || (port >= 3200 && port <= 3299);

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port: chosen } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(chosen));
      });
    });
    if (!isReserved(port)) return port;
  }
}

interface Running {
  child: ChildProcess;
  dir: string;
  exited: Promise<void>;
  paused: boolean;
}

async function launch(port: number, password: string | undefined): Promise<Running> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tokenboard-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  if (password) args.push('--requirepass', password);
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      reject(new Error(`redis-server on port ${port} ${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail(`was not ready within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was ready`);
    const onData = (chunk: string) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        resolve();
      }
    };
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', onExit);
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
  });
  return { child, dir, exited, paused: false };
}

async function halt({ child, dir, exited, paused }: Running): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    // A stopped process only acts on SIGTERM once it runs again.
    if (paused) child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts a throwaway `redis-server` on a free 127.0.0.1 port (no persistence, its own temp dir) and
 * resolves once it accepts connections. Stop it at the end of the test file.
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const auth = options.password ? `default:${encodeURIComponent(options.password)}@` : '';
  let running: Running | undefined = await launch(port, options.password);
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    stop: async () => {
      const current = running;
      running = undefined;
      if (current) await halt(current);
    },
    restart: async () => {
      const current = running;
      running = undefined;
      if (current) await halt(current);
      running = await launch(port, options.password);
    },
    pause: async () => {
      if (!running || running.paused) return;
      running.child.kill('SIGSTOP');
      running.paused = true;
    },
    resume: async () => {
      if (!running || !running.paused) return;
      running.child.kill('SIGCONT');
      running.paused = false;
    },
  };
}
