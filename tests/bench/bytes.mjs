// What the release build (dist/) ships, file by file (raw, gzip 9, brotli 11), and what each way
// of reading an article needs, computed from the build's own chunk loader (which chunks each
// feature waits for). No browser: these are the files' sizes. The targets are held against what
// a browser really fetched (interactive.mjs, spa.mjs, widget.mjs); this says where those bytes
// come from.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { appFiles, chunkName, describeFile, dist, featuredArticle, fileSizes } from './lib/site.mjs';
import { int, kb } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';

export const key = 'bytes';
export const heading = 'Shipped bytes (dist/): every file, and what each way of reading needs';
export const aliases = [];

const unique = (list) => [...new Set(list)];

export async function run() {
  const app = appFiles();
  const { slug } = featuredArticle();
  const sizes = new Map();
  const size = (name) => {
    if (!sizes.has(name)) sizes.set(name, fileSizes(join(dist, name)));
    return sizes.get(name);
  };
  const feature = (name) => [app.features[name].file, ...app.features[name].shared];
  const chunks = readdirSync(dist).filter((n) => /^broadsheet-(chunk|split)_.*\.wasm$/.test(n)).sort();

  const files = [
    'index.html', '404.html', app.css, app.boot, app.glue, app.loader, app.wasm, ...chunks, app.widgetJs, app.widgetCss,
  ];
  printTable(['file', 'what it is', 'raw B', 'gzip B', 'brotli B'], files.map((name) => {
    const s = size(name);
    const role = name === 'index.html' ? `home page, "${slug}" pre-rendered` : name === '404.html' ? 'the app\'s shell (SPA fallback)' : describeFile(name, app);
    return [name, role, int(s.raw), int(s.gzip), int(s.brotli)];
  }), { align: ['left', 'left'] });

  const data = [`articles/index.json`, `articles/${slug}.json`, `comments/${slug}.json`].filter((p) => existsSync(join(dist, p)));
  const takeOver = ['index.html', app.css, app.boot, app.glue, app.loader, app.wasm];
  const sets = {
    'pre-rendered page: the take-over alone': takeOver,
    'pre-rendered page: + the lightbox': unique([...takeOver, ...feature('lightbox')]),
    'pre-rendered page: + the comments (interactive)': unique([...takeOver, ...feature('lightbox'), ...feature('comments'),
      ...data.filter((p) => p.startsWith('comments/'))]),
    'SPA route from JSON (until the article shows)': unique(['404.html', app.css, app.boot, app.glue, app.loader, app.wasm,
      ...feature('spa'), ...data.filter((p) => p.startsWith('articles/'))]),
    'widget (until the article shows)': unique([app.widgetJs, app.glue, app.loader, app.wasm, app.widgetCss, ...feature('widget'),
      `articles/${slug}.json`]),
  };
  console.log('\nwhat each way of reading needs, by the loader\'s dependency lists (pictures apart):');
  const totals = {};
  printTable(['set', 'files', 'gzip KB', 'brotli KB', 'of which wasm, brotli KB'], Object.entries(sets).map(([name, list]) => {
    const sum = (k, only = () => true) => list.filter(only).reduce((n, f) => n + size(f)[k], 0);
    totals[name] = { files: list, gzip: sum('gzip'), brotli: sum('brotli'), wasmBrotli: sum('brotli', (f) => f.endsWith('.wasm')) };
    return [name, list.length, kb(totals[name].gzip), kb(totals[name].brotli), kb(totals[name].wasmBrotli)];
  }), { align: ['left'] });
  console.log('\nchunks each feature waits for (the loader fetches them together, then instantiates in order):');
  for (const [name, f] of Object.entries(app.features)) {
    const all = [f.file, ...f.shared];
    console.log(`  ${name.padEnd(8)} ${kb(all.reduce((n, x) => n + size(x).brotli, 0)).padStart(6)} KB brotli: `
      + all.map((x) => `${chunkName(x)} ${kb(size(x).brotli)}`).join(', '));
  }
  return { files: Object.fromEntries(files.map((n) => [n, size(n)])), sets: totals, features: app.features, targets: [] };
}
