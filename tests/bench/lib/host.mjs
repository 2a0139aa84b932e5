// A static host for the benchmark, run as its own process (lib/server.mjs starts it): serves a
// folder as static hosts serve a Broadsheet build, in one of three ways a publisher meets:
//
// - `precompressed`: the build's own .br / .gz siblings, by the browser's Accept-Encoding (a host
//   configured as docs/deployment.md says, or a CDN that does it);
// - `gzip`: compresses every text file and the wasm itself with gzip (zlib's default level 6, what
//   Apache's mod_deflate and Express' compression use), never looking at the siblings: the
//   commonest default;
// - `identity`: files as they are.
//
// Paths resolve as on Netlify or GitHub Pages: the file, else `<path>/index.html`, else
// `<path>.html`, else 404.html with status 404 (the SPA fallback). With `--cache host`, hashed
// names (`name-<16 hex>.ext`, `broadsheet-<16 hex>_bg.wasm`) are immutable for a year and everything else is revalidated
// (ETag, 304), as dist/_headers asks; with `--cache none` (cold loads) nothing is stored.
//
//   node tests/bench/lib/host.mjs --dir DIR --port P [--mode precompressed|gzip|identity] [--cache none|host]

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.avif': 'image/avif',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.xml', '.txt', '.svg']);
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

function options(argv) {
  const o = { dir: null, port: null, mode: 'precompressed', cache: 'none' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o)) throw new Error(`host.mjs: unknown option ${argv[i]}`);
    o[key] = argv[i + 1];
  }
  if (!o.dir || !o.port) throw new Error('host.mjs: --dir and --port are required');
  if (!['precompressed', 'gzip', 'identity'].includes(o.mode)) throw new Error(`host.mjs: unknown --mode ${o.mode}`);
  if (!['none', 'host'].includes(o.cache)) throw new Error(`host.mjs: unknown --cache ${o.cache}`);
  return o;
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, info } : null;
  } catch {
    return null;
  }
}

/** The file a request path names, as a static host finds it; null when there is none. */
async function resolvePath(dir, urlPath) {
  const relative = normalize(urlPath).replace(/^(\.\.(\/|\\|$))+/, '');
  const base = join(dir, relative);
  return (await fileAt(base)) ?? (await fileAt(join(base, 'index.html'))) ?? (urlPath.endsWith('/') ? null : fileAt(`${base}.html`));
}

const accepts = (request, coding) => (request.headers['accept-encoding'] ?? '')
  .split(',').some((part) => part.trim().split(';')[0] === coding);

function serve(o) {
  return createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    let status = 200;
    let found = await resolvePath(o.dir, urlPath);
    if (!found) {
      status = 404;
      found = await fileAt(join(o.dir, '404.html'));
      if (!found) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
    }
    const ext = extname(found.path);
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Timing-Allow-Origin': '*',
      'Access-Control-Allow-Origin': '*',
    };
    if (o.cache === 'host' && status === 200) {
      headers['Cache-Control'] = HASHED.test(found.path) ? 'public, max-age=31536000, immutable' : 'no-cache';
      headers.ETag = `"${found.info.size.toString(16)}-${Math.floor(found.info.mtimeMs).toString(16)}"`;
      if (request.headers['if-none-match'] === headers.ETag) {
        response.writeHead(304, headers).end();
        return;
      }
    } else {
      headers['Cache-Control'] = 'no-store';
    }

    let body = found.path;
    let gzipOnTheFly = false;
    if (COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding';
      if (o.mode === 'precompressed') {
        for (const [coding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
          if (!accepts(request, coding)) continue;
          const sibling = await fileAt(`${found.path}${suffix}`);
          if (!sibling) continue;
          headers['Content-Encoding'] = coding;
          body = sibling.path;
          found = { ...found, info: sibling.info };
          break;
        }
      } else if (o.mode === 'gzip' && accepts(request, 'gzip')) {
        headers['Content-Encoding'] = 'gzip';
        gzipOnTheFly = true;
      }
    }
    if (!gzipOnTheFly) headers['Content-Length'] = found.info.size;
    response.writeHead(status, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(body);
    stream.on('error', () => response.destroy());
    (gzipOnTheFly ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(response);
  });
}

const o = options(process.argv.slice(2));
serve(o).listen(Number(o.port), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${o.port}/`));
