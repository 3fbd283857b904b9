// Processes the suite and the benchmarks start: the fake upstream, the fake OpenID provider, Redis.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A test server script as its own process; resolves with its origin once it says it is listening. */
export function startProcess(name, script, env, stderr = 'inherit') {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', stderr],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, origin: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

/** The fake upstream as its own process, accepting `key`. */
export function startFake(key) {
  return startProcess('fake upstream', 'tests/fake-upstream/server.mjs', { FAKE_UPSTREAM_KEYS: key });
}

/** redis-server on 127.0.0.1:port without persistence; resolves once it accepts connections. */
export function startRedis(port) {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ready to accept connections')) resolve(child);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

/** UTC minute of the day, 0–1439: the outage phase and the cold-path bench set DATA_SETTLE_MINUTES from it. */
export const minuteOfDay = () => Math.floor((Date.now() % 86_400_000) / 60_000);
