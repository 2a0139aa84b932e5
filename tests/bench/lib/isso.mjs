// Isso for the measurements that set our client beside Isso's own: a throwaway Isso 0.14 server
// (scripts/isso.sh, guard off), seeded through its API (scripts/isso_seed.py), and Isso's client
// (embed.min.js and isso.css from the venv's Isso package) copied into the served site, so both
// clients come from the same host with the same compression (.br/.gz siblings).

import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

import { root } from './site.mjs';

const run = promisify(execFile);
const issoScript = join(root, 'scripts/isso.sh');
const venv = join(root, '.build/venv');

/** Starts a fresh Isso allowing `origins`, runs `fn(issoUrl)`, stops it however that ends. */
export async function withIsso({ name, port, origins }, fn) {
  const stopSync = () => spawnSync(issoScript, ['stop', '--name', name], { stdio: 'ignore' });
  const onSignal = (signal) => { stopSync(); process.exit(signal === 'SIGINT' ? 130 : 143); };
  process.once('exit', stopSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { stdout } = await run(issoScript,
      ['start', '--port', String(port), '--host', origins.join(','), '--name', name, '--no-guard'], { cwd: root })
      .catch((e) => { throw new Error(`scripts/isso.sh start failed: ${e.stderr || e.message}`); });
    return await fn(stdout.trim());
  } finally {
    process.off('exit', stopSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await run(issoScript, ['stop', '--name', name], { cwd: root }).catch(() => stopSync());
  }
}

/** Posts `count` comments (a `replyRatio` share replies) on `uri`; Isso's seeder's own summary. */
export async function seedIsso(issoUrl, { uri, title, count, replyRatio }) {
  const python = existsSync(join(venv, 'bin/python')) ? join(venv, 'bin/python') : 'python3';
  const { stdout } = await run(python, [join(root, 'scripts/isso_seed.py'), '--url', issoUrl, '--uri', uri,
    '--title', title, '--count', String(count), '--reply-ratio', String(replyRatio)], { cwd: root, maxBuffer: 1 << 20 })
    .catch((e) => { throw new Error(`isso_seed.py failed: ${e.stderr || e.message}`); });
  return stdout.trim();
}

/** Isso's client files in the venv's package. */
function packageFiles() {
  const lib = join(venv, 'lib');
  const python = existsSync(lib) ? readdirSync(lib).find((n) => n.startsWith('python')) : null;
  const base = python ? join(lib, python, 'site-packages/isso') : null;
  const files = base ? { js: join(base, 'js/embed.min.js'), css: join(base, 'css/isso.css') } : null;
  if (!files || !existsSync(files.js) || !existsSync(files.css)) {
    throw new Error('Isso\'s client (isso/js/embed.min.js, isso/css/isso.css) is not in .build/venv: run scripts/setup.sh test');
  }
  return files;
}

/**
 * Copies Isso's client into `site`/isso/ with .br and .gz siblings; returns the paths to link
 * (relative to the site root) and the brotli bytes of each.
 */
export function installIssoClient(site) {
  const files = packageFiles();
  const dir = join(site, 'isso');
  mkdirSync(dir, { recursive: true });
  const out = {};
  for (const [kind, source] of Object.entries(files)) {
    const name = kind === 'js' ? 'embed.min.js' : 'isso.css';
    const target = join(dir, name);
    copyFileSync(source, target);
    const data = readFileSync(target);
    const br = brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
    writeFileSync(`${target}.br`, br);
    writeFileSync(`${target}.gz`, gzipSync(data, { level: 9 }));
    out[kind] = { path: `isso/${name}`, brotli: br.length };
  }
  return out;
}

/**
 * Isso's client as its docs embed it, showing `uri`'s first page like ours (TOP top-level comments,
 * NESTED replies each, oldest first), its stylesheet from `client.css`.
 */
export function issoEmbed({ issoUrl, client, uri, title, top, nested }) {
  const endpoint = issoUrl.replace(/\/$/, '');
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<script data-isso="${endpoint}" data-isso-css-url="/${client.css.path}" data-isso-max-comments-top="${top}"
              data-isso-max-comments-nested="${nested}" data-isso-sorting="oldest"
              src="/${client.js.path}"></script>
      <section id="isso-thread" data-isso-id="${uri}" data-title="${escape(title)}"></section>`;
}
