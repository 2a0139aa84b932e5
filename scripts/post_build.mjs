// Trunk's post-build step (see Trunk.toml), for `trunk serve`: makes the development build work
// under a strict Content-Security-Policy and as an embeddable widget, from any sub-path. Trunk's
// inline bootstrap becomes boot-<hash>.js; widget.js, the widget's stylesheet and 404.html are
// written as scripts/app_shell.mjs describes. (Releases are built by scripts/release.sh, which does
// not use trunk: it splits the WebAssembly into chunks, see scripts/assemble.mjs.)
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBoot, writeWidget } from './app_shell.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('no inline module script in index.html: has trunk changed its bootstrap?');
const glue = inline[1].match(/from\s+'([^']*\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path:\s*'([^']*\.wasm)'/)?.[1];
if (!glue || !wasm) throw new Error(`cannot find the JS glue and the wasm in trunk's bootstrap:\n${inline[1]}`);
const base = (name) => name.split('/').pop();
const css = readdirSync(dir).find((f) => f.endsWith('.css') && !f.startsWith('widget-'));
if (!css) throw new Error('no stylesheet in the build');

const boot = writeBoot(dir, { glue: base(glue), wasm: base(wasm) });
const publicUrl = glue.slice(0, glue.length - base(glue).length);
html = html.replace(inline[0],
  `<script type="module" async src="${publicUrl}${boot.name}" integrity="${boot.integrity}" crossorigin="anonymous"></script>`);
writeFileSync(indexPath, html);
writeFileSync(join(dir, '404.html'), html);
writeWidget(dir, { glue: base(glue), wasm: base(wasm), css });
console.log(`post-build: ${boot.name}, widget.js, 404.html`);
