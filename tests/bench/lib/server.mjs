// Static hosts for the measurements: lib/host.mjs in a process of its own (so serving never
// competes with the driver's event loop), stopped however the work inside ends.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hostScript = join(dirname(fileURLToPath(import.meta.url)), 'host.mjs');

/** `preferred` if free, else any free port the OS hands out. */
export function freePort(preferred = 4180) {
  const listen = (port) => new Promise((ok, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(port, '127.0.0.1', () => {
      const { port: got } = probe.address();
      probe.close(() => ok(got));
    });
  });
  return listen(preferred).catch(() => listen(0));
}

async function waitForHttp(url, child, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the static host exited early (code ${child.exitCode})`);
    try {
      const answer = await fetch(url);
      await answer.arrayBuffer();
      return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the static host did not answer ${url} within ${timeoutMs} ms`);
}

/** How each kind of host is described in the output. */
export const HOSTS = {
  precompressed: 'the build\'s precompressed .br/.gz files',
  gzip: 'gzip on the fly (level 6), .br/.gz siblings ignored',
  identity: 'uncompressed',
};

/**
 * Serves `dir` (see lib/host.mjs for `mode` and `cache`) while `fn(baseUrl)` runs; `baseUrl` ends
 * with a slash.
 */
export async function withServer(dir, fn, { mode = 'precompressed', cache = 'none', port = 4180 } = {}) {
  const at = await freePort(port);
  const child = spawn(process.execPath, [hostScript, '--dir', dir, '--port', String(at), '--mode', mode, '--cache', cache],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  try {
    const base = `http://127.0.0.1:${at}/`;
    await waitForHttp(base, child);
    return await fn(base);
  } finally {
    process.off('exit', killOnExit);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}
