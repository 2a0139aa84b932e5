// The release build under measurement (dist/): where it is, what its files are for (the split
// WebAssembly's chunks and which features need each, read from the build's own loader), what they
// weigh compressed, and copies of it for measurements that change something.

import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const dist = join(root, 'dist');
export const rel = (path) => path.slice(root.length + 1);

/** Throws unless dist/ holds a release build with pre-rendered pages. */
export function requireBuild() {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error('dist/ is missing: run scripts/release.sh first');
  const html = readFileSync(index, 'utf8');
  if (!html.includes('id="broadsheet-page"')) throw new Error('dist/index.html is not pre-rendered: run scripts/release.sh');
  if (!readdirSync(dist).some((n) => /^broadsheet-split-[0-9a-f]+\.js$/.test(n))) {
    throw new Error('dist/ has no chunk loader (broadsheet-split-<hash>.js): the bench measures the split release build');
  }
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of one file or buffer. */
export function sizesOf(data) {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

export const fileSizes = (path) => sizesOf(readFileSync(path));

/** The article the home page shows: the first `featured: true`, else the newest. */
export function featuredArticle(dir = dist) {
  const { articles } = JSON.parse(readFileSync(join(dir, 'articles/index.json'), 'utf8'));
  const entry = articles.find((a) => a.featured)
    ?? [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published))[0];
  if (!entry) throw new Error('articles/index.json lists no articles');
  return entry;
}

export const articles = (dir = dist) => JSON.parse(readFileSync(join(dir, 'articles/index.json'), 'utf8')).articles;

/**
 * The app's files by role, as the build named them: the page's stylesheet, boot script, glue,
 * chunk loader, main module, the widget's loader and stylesheet; and the chunks, each with the
 * features that need it (from the loader's own comments and dependency lists).
 */
export function appFiles(dir = dist) {
  const names = readdirSync(dir);
  const one = (re, what) => {
    const found = names.filter((n) => re.test(n));
    if (found.length !== 1) throw new Error(`${rel(dir)}: expected one ${what}, found ${found.length}`);
    return found[0];
  };
  const files = {
    css: one(/^main-[0-9a-f]+\.css$/, 'stylesheet'),
    boot: one(/^boot-[0-9a-f]+\.js$/, 'boot script'),
    glue: one(/^broadsheet-[0-9a-f]{16}\.js$/, 'glue'),
    loader: one(/^broadsheet-split-[0-9a-f]+\.js$/, 'chunk loader'),
    wasm: one(/^broadsheet-[0-9a-f]+_bg\.wasm$/, 'main module'),
    widgetJs: 'widget.js',
    widgetCss: one(/^widget-[0-9a-f]+\.css$/, 'widget stylesheet'),
  };
  const loader = readFileSync(join(dir, files.loader), 'utf8');
  // /* comments, lightbox */ const __chunk_5 = makeLoad(() => { const src = fetch(new URL("./chunk_5-….wasm" …
  const shared = {};
  for (const m of loader.matchAll(/\/\*\s*([^*]*?)\s*\*\/\s*const\s+(__chunk_\d+)\s*=\s*makeLoad\(\(\)\s*=>\s*\{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    shared[m[2]] = { file: m[3], features: m[1].split(',').map((s) => s.trim()) };
  }
  // export const __wasm_split_load_widget = wrapAsyncCb(makeLoad(() => { … "./split_widget-….wasm" … }, [__chunk_7, …]));
  const features = {};
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+)\s*=\s*wrapAsyncCb\(makeLoad\(\(\)\s*=>\s*\{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\}\s*,\s*\[([^\]]*)\]\)\)/g)) {
    const deps = m[3].split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = deps.filter((d) => !shared[d]);
    if (unknown.length) throw new Error(`${files.loader}: ${m[1]} depends on ${unknown.join(', ')}, which the loader does not define`);
    features[m[1]] = { file: m[2], shared: deps.map((d) => shared[d].file) };
  }
  if (Object.keys(features).length === 0) throw new Error(`${files.loader}: no split points found (has the loader's shape changed?)`);
  return { ...files, features, shared: Object.values(shared) };
}

/** A chunk's name without the build's prefix and hash: `chunk_5`, `split_lightbox`. */
export const chunkName = (file) => file.replace(/^broadsheet-/, '').replace(/-[0-9a-f]{16}\.wasm$/, '');

/** A short name for a file of the build (by URL or name), saying what it is for. */
export function describeFile(nameOrUrl, app) {
  const name = decodeURIComponent(nameOrUrl.replace(/[?#].*$/, '').split('/').pop() || nameOrUrl);
  const roles = { [app.css]: 'stylesheet', [app.boot]: 'boot script', [app.glue]: 'glue (JS)', [app.loader]: 'chunk loader (JS)',
    [app.wasm]: 'main module (wasm)', 'widget.js': 'widget loader', [app.widgetCss]: 'widget stylesheet' };
  if (roles[name]) return roles[name];
  for (const [feature, f] of Object.entries(app.features)) if (f.file === name) return `${feature} chunk`;
  const shared = app.shared.find((s) => s.file === name);
  if (shared) return `${chunkName(name)} (shared: ${shared.features.join(', ')})`;
  if (name) return name;
  const url = new URL(nameOrUrl, 'http://x/');
  return `${url.pathname}${url.search}`.slice(0, 40);
}

/**
 * .build/<name>: a fresh copy of dist/ (a snapshot: a rebuild during the run does not change it),
 * without the files `drop` lists (paths relative to the copy, each with its .br/.gz siblings).
 */
export function copyOfDist(name, { drop = [] } = {}) {
  const target = join(root, '.build', name);
  rmSync(target, { recursive: true, force: true });
  cpSync(dist, target, { recursive: true });
  for (const path of drop) {
    for (const suffix of ['', '.br', '.gz']) rmSync(join(target, path + suffix), { force: true });
  }
  return target;
}

/** Writes `path`'s precompressed siblings (.br, .gz), as the build does for a file it wrote. */
export function compressSiblings(path) {
  const data = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
}

const COMPRESSED = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.xml', '.txt']);

/** compressSiblings for every file under `dir` that the build compresses; how many. */
export function compressTree(dir) {
  const walk = (folder) => readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
  const files = walk(dir).filter((path) => COMPRESSED.has(extname(path)));
  files.forEach(compressSiblings);
  return files.length;
}
