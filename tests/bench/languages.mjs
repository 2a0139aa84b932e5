// What the interface's languages cost a first load: prints the brotli bytes that the Chinese and
// Russian string tables add to the release wasm, and the language rules add to the stylesheet,
// against the 6 KB budget (issue 12). Measures and reports; exits 0 unless it cannot run.
//
//   node tests/bench/languages.mjs [--baseline DIR]
//
// The tables' share: every string literal of src/strings/{zh,ru}.rs is found in the wasm's data and
// blanked (zeros, same length), and the wasm is compressed again; the difference is what those
// bytes cost after brotli. The stylesheet's share: style/main.css with and without the block that
// starts at "Languages." (the :lang rules and the translation links). With --baseline DIR (a
// release build of the code before the languages, e.g. main's dist/), it also prints the whole
// difference of the first load (wasm, glue, css), code included.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const BUDGET = 6 * 1024;

const brotli = (data) => brotliCompressSync(data, {
  params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
}).length;

/** The string literals of a Rust file (the tables hold nothing else that ends up as text). */
function literals(path) {
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`)).filter((s) => s.length > 0);
}

function indexOfBytes(haystack, needle, from = 0) {
  return haystack.indexOf(needle, from);
}

/** Blanks every occurrence of each literal; returns how many literals were found. */
function blank(wasm, strings) {
  let found = 0;
  for (const text of strings) {
    const bytes = Buffer.from(text, 'utf8');
    let at = indexOfBytes(wasm, bytes);
    if (at >= 0) found += 1;
    while (at >= 0) {
      wasm.fill(0, at, at + bytes.length);
      at = indexOfBytes(wasm, bytes, at + bytes.length);
    }
  }
  return found;
}

function firstLoadFiles(dir) {
  const names = readdirSync(dir);
  const pick = (test) => names.filter(test).map((n) => join(dir, n));
  return {
    wasm: pick((n) => n.endsWith('_bg.wasm')),
    glue: pick((n) => /^broadsheet-[0-9a-f]+\.js$/.test(n)),
    css: pick((n) => /^main-[0-9a-f]+\.css$/.test(n)),
  };
}

const sum = (paths) => paths.reduce((total, p) => total + brotli(readFileSync(p)), 0);

function main() {
  const args = process.argv.slice(2);
  const baseline = args[0] === '--baseline' ? args[1] : null;
  if (!existsSync(dist)) throw new Error('dist/ is missing: run scripts/release.sh first');
  const files = firstLoadFiles(dist);
  if (files.wasm.length !== 1) throw new Error(`expected one wasm in dist/, found ${files.wasm.length}`);
  const wasm = readFileSync(files.wasm[0]);
  const whole = brotli(wasm);

  const rows = [];
  let tables = 0;
  for (const language of ['zh', 'ru']) {
    const strings = literals(join(root, `src/strings/${language}.rs`));
    const copy = Buffer.from(wasm);
    const found = blank(copy, strings);
    const share = whole - brotli(copy);
    tables += share;
    rows.push(`${language}: ${found}/${strings.length} strings in the wasm, ${share} B brotli`);
  }
  const both = Buffer.from(wasm);
  blank(both, [...literals(join(root, 'src/strings/zh.rs')), ...literals(join(root, 'src/strings/ru.rs'))]);
  const together = whole - brotli(both);

  const css = readFileSync(join(root, 'style/main.css'), 'utf8');
  const start = css.indexOf('/* Languages.');
  const end = css.indexOf('/* End of the languages. */');
  const cssShare = start >= 0 && end > start ? brotli(Buffer.from(css)) - brotli(Buffer.from(css.slice(0, start) + css.slice(end))) : 0;

  console.log('\n== Languages (issue 12): what Chinese and Russian add to a first load, brotli quality 11');
  rows.forEach((row) => console.log(`  string table ${row}`));
  console.log(`  both tables together: ${together} B; language CSS: ${cssShare} B`);
  if (baseline) {
    const before = firstLoadFiles(baseline);
    const delta = (kind) => sum(files[kind]) - sum(before[kind]);
    const total = delta('wasm') + delta('glue') + delta('css');
    console.log(`  against ${baseline}: wasm ${delta('wasm')} B, glue ${delta('glue')} B, css ${delta('css')} B, total ${total} B`);
  }
  const spent = together + cssShare;
  console.log(`languages: ${spent} B of the ${BUDGET} B budget (${((100 * spent) / BUDGET).toFixed(0)}%; tables + CSS, code not counted: see --baseline)`);
}

main();
