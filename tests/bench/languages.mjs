// What the interface's languages cost a first load (issue 12: at most 6 KB brotli): prints the brotli
// bytes of the Chinese and Russian string tables, of the stylesheet's language rules, and, given a
// release build of the code before the languages, the whole difference of a first load (wasm, glue,
// stylesheet: tables, code and rules together). Measures and reports; exits 0 unless it cannot run.
//
//   node tests/bench/languages.mjs [--baseline DIR]
//
// DIR holds the *_bg.wasm, broadsheet-*.js and main-*.css of a release build without the languages
// (scripts/release.sh on main at 8c69a47, copied aside); `make bench` passes .build/baseline when it
// exists. Without it, the tables and rules are measured on their own (the code they need is not).

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const BUDGET = 6 * 1024;

const brotli = (data) => brotliCompressSync(Buffer.from(data), {
  params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
}).length;

/** The text of a table: its string literals, one after the other (as the wasm's data holds them). */
function tableText(language) {
  const source = readFileSync(join(root, `src/strings/${language}.rs`), 'utf8');
  return [...source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`)).join('');
}

function firstLoad(dir) {
  const names = readdirSync(dir);
  const one = (test, what) => {
    const found = names.filter(test);
    if (found.length !== 1) throw new Error(`${dir}: expected one ${what}, found ${found.length}`);
    return readFileSync(join(dir, found[0]));
  };
  return {
    wasm: one((n) => n.endsWith('_bg.wasm'), 'wasm'),
    glue: one((n) => /^broadsheet-[0-9a-f]+\.js$/.test(n), 'glue'),
    css: one((n) => /^main-[0-9a-f]+\.css$/.test(n), 'main stylesheet'),
  };
}

function main() {
  const args = process.argv.slice(2);
  const baseline = args[0] === '--baseline' ? args[1] : null;
  const zh = tableText('zh');
  const ru = tableText('ru');
  const css = readFileSync(join(root, 'style/main.css'), 'utf8');
  const start = css.indexOf('/* Languages.');
  const end = css.indexOf('/* End of the languages. */');
  if (start < 0 || end < start) throw new Error('style/main.css: the languages block is not marked');
  const rules = brotli(css) - brotli(css.slice(0, start) + css.slice(end));

  console.log('\n== Languages (issue 12): what Chinese and Russian add to a first load, brotli quality 11');
  console.log(`  tables: zh ${Buffer.byteLength(zh)} B raw, ${brotli(zh)} B; ru ${Buffer.byteLength(ru)} B raw, ${brotli(ru)} B; together ${brotli(zh + ru)} B`);
  console.log(`  stylesheet rules for languages: ${rules} B`);
  if (!baseline || !existsSync(baseline)) {
    console.log(`languages: tables and rules ${brotli(zh + ru) + rules} B of the ${BUDGET} B budget (code not measured: give --baseline DIR)`);
    return;
  }
  if (!existsSync(dist)) throw new Error('dist/ is missing: run scripts/release.sh first');
  const after = firstLoad(dist);
  const before = firstLoad(baseline);
  const delta = Object.fromEntries(Object.keys(after).map((k) => [k, brotli(after[k]) - brotli(before[k])]));
  const total = delta.wasm + delta.glue + delta.css;
  console.log(`  against ${baseline}: wasm ${delta.wasm} B, glue ${delta.glue} B, stylesheet ${delta.css} B`);
  console.log(`languages: ${total} B of the ${BUDGET} B budget (${((100 * total) / BUDGET).toFixed(0)}%)${total > BUDGET ? ' OVER BUDGET' : ''}`);
}

main();
