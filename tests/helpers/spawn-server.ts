import { spawn, type ChildProcess } from 'node:child_process';

const START_TIMEOUT_MS = 10_000;

export interface SpawnedServer {
  origin: string;
  child: ChildProcess;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts a test server script as its own Node process and resolves with its origin once it prints
 * `listening on http://127.0.0.1:PORT`; fails with its stderr if it exits or is silent for 10 s.
 */
export async function spawnServer(name: string, script: string, env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const origin = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${name} ${reason}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
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
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
