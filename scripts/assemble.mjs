// The release build of the app, from index.html and the split WebAssembly of scripts/build_wasm.sh.
// It reads the same index.html trunk serves in development and does what trunk would (hashed
// stylesheet and icon with Subresource Integrity, the copied folders, <base href> from the public
// URL), but links the WebAssembly as wasm-split left it: a main module, its JavaScript glue, the
// loader (broadsheet-split-<id>.js) that fetches chunks on demand, and the chunks, all named by content. The
// loader checks every chunk against its SRI hash when it fetches it.
//
//   node scripts/assemble.mjs --dist DIR --public-url /path/ --wasm WASM_DIR
//
// Then scripts/release.sh pre-renders the pages and compresses everything.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, integrity, writeBoot, writeWidget } from './app_shell.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function args(argv) {
  const options = { dist: 'dist', publicUrl: '/', wasm: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--dist') options.dist = value;
    else if (flag === '--public-url') options.publicUrl = value;
    else if (flag === '--wasm') options.wasm = value;
    else throw new Error(`assemble: unknown argument ${flag}`);
  }
  if (!options.wasm) throw new Error('assemble: --wasm DIR (the output of scripts/build_wasm.sh) is required');
  if (!options.publicUrl.endsWith('/')) options.publicUrl += '/';
  return options;
}

const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/**
 * A file copied into the build under `<stem>-<hash><ext>` (or `name(hash)`); its new name and
 * integrity.
 */
function hashed(source, dist, name = (h) => `${basename(source, extname(source))}-${h}${extname(source)}`) {
  const data = readFileSync(source);
  const file = name(hash(data));
  writeFileSync(join(dist, file), data);
  return { name: file, integrity: integrity(data) };
}

/**
 * The app's JavaScript and WebAssembly, every name starting with `broadsheet-` (one cache rule fits
 * them all). Chunks and the main module are named by their content; the glue and the loader import
 * each other, so both carry one id made from everything they link.
 */
function linkApp(wasmDir, dist) {
  const files = readdirSync(wasmDir);
  const chunks = files.filter((f) => f.endsWith('.wasm') && f !== 'broadsheet_bg.wasm');
  const main = hashed(join(wasmDir, 'broadsheet_bg.wasm'), dist, (h) => `broadsheet-${h}_bg.wasm`);
  const renamed = Object.fromEntries(chunks.map((chunk) =>
    [chunk, hashed(join(wasmDir, chunk), dist, (h) => `broadsheet-${basename(chunk, '.wasm')}-${h}.wasm`)]));

  let loader = readFileSync(join(wasmDir, '__wasm_split.js'), 'utf8');
  let glue = readFileSync(join(wasmDir, 'broadsheet.js'), 'utf8');
  // The glue imports the loader once per split point; the wasm's import module name stays as it is.
  const importsLoader = /from "\.\/__wasm_split\.js"/g;
  if (!importsLoader.test(glue)) throw new Error('assemble: the glue does not import __wasm_split.js: is the module split?');
  for (const [chunk, { name, integrity: sri }] of Object.entries(renamed)) {
    const fetchCall = `fetch(new URL("./${chunk}", import.meta.url))`;
    if (!loader.includes(fetchCall)) throw new Error(`assemble: the loader does not fetch ${chunk} as expected:\n${loader}`);
    loader = loader.replace(fetchCall, `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri}" })`);
  }
  const id = hash(`${main.name} ${Object.values(renamed).map((c) => c.name).join(' ')} ${glue} ${loader}`);
  const glueName = `broadsheet-${id}.js`;
  const loaderName = `broadsheet-split-${id}.js`;
  glue = glue.replaceAll(importsLoader, `from "./${loaderName}"`);
  loader = loader.replace('from "./broadsheet.js"', `from "./${glueName}"`);
  writeFileSync(join(dist, glueName), glue);
  writeFileSync(join(dist, loaderName), loader);
  return {
    main,
    glue: { name: glueName, integrity: integrity(glue) },
    loader: { name: loaderName, integrity: integrity(loader) },
    chunks: Object.values(renamed),
  };
}

function assemble({ dist, publicUrl, wasm }) {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  let html = readFileSync(join(root, 'index.html'), 'utf8');
  const app = linkApp(wasm, dist);
  const boot = writeBoot(dist, { glue: app.glue.name, wasm: app.main.name, wasmIntegrity: app.main.integrity });
  let stylesheet = null;

  html = html.replace(/<base data-trunk-public-url\s*\/?>/, `<base href="${publicUrl}" />`);
  html = html.replace(/<link data-trunk [^>]*>/g, (tag) => {
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    switch (rel) {
      case 'css': {
        const css = hashed(join(root, href), dist);
        stylesheet = css.name;
        return `<link rel="stylesheet" href="${publicUrl}${css.name}" integrity="${css.integrity}"/>`;
      }
      case 'icon': {
        const icon = hashed(join(root, href), dist);
        const type = attribute(tag, 'type');
        return `<link rel="icon"${type ? ` type="${type}"` : ''} href="${publicUrl}${icon.name}" integrity="${icon.integrity}"/>`;
      }
      case 'copy-dir':
        cpSync(join(root, href), join(dist, basename(href)), { recursive: true });
        return '';
      case 'copy-file':
        cpSync(join(root, href), join(dist, basename(href)));
        return '';
      case 'rust':
        // The main module and what it imports start downloading with the page; the chunks come
        // when the app asks for them. The pre-renderer finds these links by their rel.
        return [
          `<link rel="modulepreload" href="${publicUrl}${app.glue.name}" crossorigin="anonymous" integrity="${app.glue.integrity}">`,
          `<link rel="modulepreload" href="${publicUrl}${app.loader.name}" crossorigin="anonymous" integrity="${app.loader.integrity}">`,
          // With the integrity boot.js fetches it with: a preload is used only by a request like it.
          `<link rel="preload" href="${publicUrl}${app.main.name}" crossorigin="anonymous" as="fetch" type="application/wasm" integrity="${app.main.integrity}">`,
          `<script type="module" async src="${publicUrl}${boot.name}" integrity="${boot.integrity}" crossorigin="anonymous"></script>`,
        ].join('\n    ');
      default:
        throw new Error(`assemble: index.html has a data-trunk link this build does not know: ${tag}`);
    }
  });
  html = html.replace(/\n\s*\n(\s*<)/g, '\n$1');
  if (!stylesheet) throw new Error('assemble: index.html links no stylesheet');
  writeFileSync(join(dist, 'index.html'), html);
  writeFileSync(join(dist, '404.html'), html);
  writeWidget(dist, { glue: app.glue.name, wasm: app.main.name, wasmIntegrity: app.main.integrity, css: stylesheet });
  console.log(`assemble: ${dist} (main ${app.main.name}, ${app.chunks.length} chunks, ${boot.name}, widget.js, 404.html)`);
}

assemble(args(process.argv.slice(2)));
