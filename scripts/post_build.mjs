// Trunk's post-build step (see Trunk.toml): makes the build work under a strict Content-Security-Policy
// and as an embeddable widget, from any sub-path.
//
// 1. Trunk bootstraps the app with an inline <script type="module">, which `script-src 'self'` forbids.
//    It becomes a file, boot-<hash>.js, loaded with Subresource Integrity like trunk's own assets.
// 2. widget.js: the loader a host page includes to get <broadsheet-article> elements. Its name is
//    stable (hosts link to it), everything it loads is hashed, and it finds them next to itself.
// 3. 404.html: a copy of index.html, the SPA fallback static hosts serve for /posts/<slug>.
// 4. On release builds, .br and .gz siblings of every text asset and the wasm, for hosts that serve
//    precompressed files (scripts/compress.mjs; scripts/release.sh runs it again after pre-rendering).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compressTree } from './compress.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('no inline module script in index.html: has trunk changed its bootstrap?');
const glue = inline[1].match(/from\s+'([^']*\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path:\s*'([^']*\.wasm)'/)?.[1];
if (!glue || !wasm) throw new Error(`cannot find the JS glue and the wasm in trunk's bootstrap:\n${inline[1]}`);
const base = (name) => name.split('/').pop();
const css = readdirSync(dir).find((f) => f.endsWith('.css'));

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

// Paths relative to the file that imports them, so the build works from any public URL.
// The script is async: the WebAssembly is fetched and compiled while the page is still being
// parsed, and the app starts once the document is complete (it takes over what the page shows).
const boot = `// Starts the Broadsheet single-page app (written by scripts/post_build.mjs).
import init, { start_spa } from './${base(glue)}';
const parsed = document.readyState === 'loading'
  ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }))
  : Promise.resolve();
await init({ module_or_path: new URL('./${base(wasm)}', import.meta.url) });
await parsed;
start_spa();
`;
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
const publicUrl = glue.slice(0, glue.length - base(glue).length);
html = html.replace(inline[0],
  `<script type="module" async src="${publicUrl}${bootName}" integrity="${integrity(boot)}" crossorigin="anonymous"></script>`);
writeFileSync(indexPath, html);
writeFileSync(join(dir, '404.html'), html);

// The widget's stylesheet: the site's, made for a shadow root. Variables live on :host, the page
// rules apply to the widget's root element, and rem (which the host page's <html> would set) becomes
// the widget's own --bs-rem, so a host's font sizes cannot resize the widget.
if (!css) throw new Error('no stylesheet in the build');
const widgetCss = readFileSync(join(dir, css), 'utf8')
  .replaceAll(':root:not([data-theme="light"])', ':host(:not([theme="light"]))')
  .replace(/:root\[data-theme="(\w+)"\]/g, ':host([theme="$1"])')
  .replaceAll(':root', ':host')
  .replace(/(^|[\s,}])html\s*\{[^}]*\}/g, '$1')
  .replace(/(^|[\s,}])body(\s*[{,])/g, '$1.broadsheet$2')
  .replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--bs-rem))')
  .replace(':host {', ':host {\n  --bs-rem: 16px;\n  display: block;');
const widgetCssName = `widget-${hash(widgetCss)}.css`;
writeFileSync(join(dir, widgetCssName), widgetCss);

const widget = readFileSync(new URL('./widget.template.js', import.meta.url), 'utf8')
  .replaceAll('__GLUE__', base(glue))
  .replaceAll('__WASM__', base(wasm))
  .replaceAll('__CSS__', widgetCssName);
writeFileSync(join(dir, 'widget.js'), widget);

if (release) compressTree(dir);
console.log(`post-build: ${bootName}, widget.js, 404.html${release ? ', .br and .gz siblings' : ''}`);
