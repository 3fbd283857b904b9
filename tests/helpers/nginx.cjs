// nginx in front of a `next start` under test, configured by deploy/nginx.conf as shipped but for its ports
// and paths, so the tests and the benchmark exercise the file operators deploy. Needs nginx on the PATH
// (tests/setup.sh installs Debian's nginx-light).
// CommonJS, so that both the benchmark (an ES module) and Playwright's specs can load it.
const { spawn } = require('node:child_process');
const { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/**
 * Starts nginx in `dir` (a fresh temporary folder: nginx's workers run as another user, so it is made
 * world-readable): the
 * site on `port`, proxying to `nextPort`, plus, with `staticPort` and `staticFiles`, a plain static server
 * of those files (name → contents), a baseline for the benchmark. Resolves once both answer.
 *
 * @param {{ dir: string, port: number, nextPort: number, staticPort?: number, staticFiles?: Record<string, string> }} options
 * @returns {Promise<{ origin: string, staticOrigin: string | undefined, stop: () => Promise<void> }>}
 */
async function startNginx({ dir, port, nextPort, staticPort, staticFiles = {} }) {
  for (const sub of ['static', 'logs', 'cache']) mkdirSync(path.join(dir, sub), { recursive: true });
  chmodSync(dir, 0o755);
  for (const [name, contents] of Object.entries(staticFiles)) writeFileSync(path.join(dir, 'static', name), contents);

  const site = [
    ['listen 8080;', `listen 127.0.0.1:${port};`],
    ['server 127.0.0.1:3000;', `server 127.0.0.1:${nextPort};`],
    ['/var/cache/nginx/tokenboard', path.join(dir, 'cache')],
  ].reduce((text, [from, to]) => {
    if (text.split(from).length !== 2) throw new Error(`deploy/nginx.conf no longer contains exactly one "${from}"`);
    return text.replace(from, to);
  }, readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8'));
  writeFileSync(path.join(dir, 'tokenboard.conf'), site);

  const staticServer = staticPort ? `server { listen 127.0.0.1:${staticPort}; keepalive_requests 10000; root ${dir}/static; }` : '';
  // What a distribution's nginx.conf holds around conf.d/*.conf (Debian's, with sendfile and tcp_nopush on).
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  types { text/html html; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  include ${dir}/tokenboard.conf;
  ${staticServer}
}
`,
  );

  const child = spawn(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  child.once('error', (error) => (stderr += `${error.message}: install nginx (apt-get install -y nginx-light)`));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const staticOrigin = staticPort ? `http://127.0.0.1:${staticPort}` : undefined;
  const deadline = Date.now() + 10_000;
  // Ours is up once it wrote its own pid (a leftover nginx on the same ports would answer too) and answers.
  const ownPid = () => readFileSync(path.join(dir, 'nginx.pid'), 'utf8').trim() === String(child.pid);
  for (const url of [`${origin}/api/health`, ...(staticOrigin ? [staticOrigin] : [])]) {
    while (!(await fetch(url).then(() => attempt(ownPid), () => false))) {
      if (child.exitCode !== null || child.pid === undefined || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`nginx did not start: ${stderr || `no answer from ${url}`}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    origin,
    staticOrigin,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function attempt(check) {
  try {
    return check();
  } catch {
    return false;
  }
}

module.exports = { startNginx };
