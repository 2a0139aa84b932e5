// A plain static file server for the end-to-end tests that need what http-server cannot do: a
// Content-Security-Policy header, serving a build under a sub-path (/news/), and answering unknown
// addresses the way many hosts and SPA guides do (index.html with status 200).
//
//   node tests/e2e/static-server.mjs --dir DIR --port P [--prefix /news/] [--csp "policy"] [--fallback index]
//
// Like a static host: files by path, directories by their index.html, anything else 404.html
// with status 404 (the SPA fallback) or, with `--fallback index`, index.html with status 200
// (nginx `try_files $uri /index.html`, Netlify `/* /index.html 200`); correct MIME types
// (application/wasm included).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const dir = args.dir;
const prefix = args.prefix || '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.png': 'image/png', '.ico': 'image/x-icon',
};

async function file(path) {
  try {
    const info = await stat(path);
    return info.isDirectory() ? file(join(path, 'index.html')) : { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const headers = { 'Cache-Control': 'no-store' };
  if (args.csp) headers['Content-Security-Policy'] = args.csp;
  let found = null;
  if (url.pathname.startsWith(prefix)) {
    let path;
    try {
      path = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      response.writeHead(400, headers).end('bad request');
      return;
    }
    found = await file(join(dir, normalize(path).replace(/^(\.\.[/\\])+/, '')));
  }
  const indexFallback = args.fallback === 'index';
  const status = found || indexFallback ? 200 : 404;
  found ??= await file(join(dir, indexFallback ? 'index.html' : '404.html'));
  if (!found) {
    response.writeHead(404, headers).end('not found');
    return;
  }
  headers['Content-Type'] = types[extname(found.path)] || 'application/octet-stream';
  response.writeHead(status, headers).end(found.body);
}).listen(Number(args.port), '127.0.0.1');
