// What the interface's languages cost a first load (issue 12: at most 6 KB brotli): prints the brotli
// bytes of the Chinese and Russian string tables and of the stylesheet's language rules; with a
// baseline, the whole difference each way of reading pays (code, tables and rules together).
// Measures and reports; exits 0 unless it cannot run.
//
//   node tests/bench/languages.mjs [--build-baseline | --baseline DIR]
//
// The baseline is today's release build made to speak English only (the crate's `english-only`
// feature: the Chinese and Russian words, and what only they need, are left out by the compiler),
// assembled like dist/. --build-baseline makes it in .build/baseline (a few minutes: one more
// link of the WebAssembly); --baseline DIR reads one made before. `make bench` builds it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

import { appFiles, dist, fileSizes, rel, root } from './lib/site.mjs';

const BUDGET = 6 * 1024;

const brotli = (data) => brotliCompressSync(Buffer.from(data), {
  params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
}).length;

/** The text of a table: its string literals, one after the other (as the wasm's data holds them). */
function tableText(language) {
  const source = readFileSync(join(root, `src/strings/${language}.rs`), 'utf8');
  return [...source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`)).join('');
}

/** The code each way of reading fetches (pages and data apart), by the build's own loader. */
function codeSets(dir) {
  const app = appFiles(dir);
  const feature = (name) => [app.features[name].file, ...app.features[name].shared];
  const page = [app.css, app.boot, app.glue, app.loader, app.wasm];
  return {
    'pre-rendered page, interactive': [...new Set([...page, ...feature('lightbox'), ...feature('comments')])],
    'SPA route': [...page, ...feature('spa')],
    widget: [app.widgetJs, app.widgetCss, app.glue, app.loader, app.wasm, ...feature('widget')],
  };
}

/** Today's code, made to speak English only, assembled like dist/ into .build/baseline/app. */
function buildBaseline() {
  const wasm = join(root, '.build/baseline/wasm');
  const app = join(root, '.build/baseline/app');
  const env = { ...process.env, BROADSHEET_FEATURES: 'split,english-only' };
  execFileSync('scripts/build_wasm.sh', [wasm], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync(process.execPath, ['scripts/assemble.mjs', '--dist', app, '--public-url', '/', '--wasm', wasm],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return app;
}

function main() {
  const args = process.argv.slice(2);
  const baseline = args[0] === '--build-baseline' ? buildBaseline() : args[0] === '--baseline' ? args[1] : null;
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
  if (!baseline) {
    console.log(`languages: tables and rules ${brotli(zh + ru) + rules} B of the ${BUDGET} B budget (code not measured: give --build-baseline)`);
    return;
  }
  if (!existsSync(dist)) throw new Error('dist/ is missing: run scripts/release.sh first');
  const before = codeSets(baseline);
  const after = codeSets(dist);
  const brotliOf = (dir, files) => files.reduce((n, f) => n + fileSizes(join(dir, f)).brotli, 0);
  // The stylesheets are the same file in both builds: their language rules are added as measured.
  const rows = Object.keys(after).map((way) => {
    const delta = brotliOf(dist, after[way]) - brotliOf(baseline, before[way]) + rules;
    console.log(`  ${way}: ${brotliOf(dist, after[way])} B against ${brotliOf(baseline, before[way])} B English only, `
      + `+ ${rules} B of rules = ${delta} B`);
    return delta;
  });
  const worst = Math.max(...rows);
  console.log(`  (baseline: ${rel(baseline)})`);
  console.log(`languages: ${worst} B of the ${BUDGET} B budget (${((100 * worst) / BUDGET).toFixed(0)}%, the costliest way of reading)${worst > BUDGET ? ' OVER BUDGET' : ''}`);
}

main();
