// Broadsheet's benchmark: prints what the release build (dist/) ships and how fast the article's
// headline appears. It measures and reports; it asserts nothing, so it exits 0 unless it cannot run.
//
//   node tests/bench/bench.mjs [--runs N] [--json FILE]
//
// Each section is one entry of `sections` (bottom of the file): a heading and an async function that
// prints its figures and returns them for --json. Add later benchmarks (lightbox, widget, comments)
// there, reusing withServer / withBrowser / loadTimes / median.

import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');

const BUDGET_BYTES = 150 * 1024; // brotli bytes of html + js + wasm + css
const PREFERRED_PORT = 4180;
const LOAD_TIMEOUT_MS = 30_000;
const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];

// ---------------------------------------------------------------------------------------------
// Small helpers

function parseArgs(argv) {
  const opts = { runs: 10, json: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') opts.runs = Number(argv[++i]);
    else if (arg === '--json') opts.json = argv[++i];
    else throw new Error(`unknown argument ${arg} (use --runs N, --json FILE)`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs needs a positive integer');
  if (opts.json === undefined) throw new Error('--json needs a file name');
  return opts;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** median / min / max of the numbers in `values` (nulls, e.g. a missing LCP, are left out). */
function summarize(values) {
  const known = values.filter((v) => typeof v === 'number');
  if (known.length === 0) return { median: null, min: null, max: null, n: 0 };
  return { median: median(known), min: Math.min(...known), max: Math.max(...known), n: known.length };
}

/** "a (7 runs), b (3 runs)" */
function countBy(values) {
  const counts = new Map();
  values.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1));
  return [...counts].map(([v, n]) => `${v ?? 'none'} (${n} run${n === 1 ? '' : 's'})`).join(', ');
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const int = (n) => n.toLocaleString('en-US');
const ms = (t) => (typeof t === 'number' ? t.toFixed(0) : '-');

/** Prints rows (arrays of cells) as a table: first column left-aligned, the others right-aligned. */
function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => String(row[c]).length)));
  const line = (row) => row
    .map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])))
    .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

// ---------------------------------------------------------------------------------------------
// Shipped bytes

/** Raw, gzip (level 9) and brotli (quality 11) sizes of some files, summed. */
function compressedSizes(paths) {
  const sizes = { files: paths.map((p) => p.slice(dist.length + 1)), raw: 0, gzip: 0, brotli: 0 };
  for (const path of paths) {
    const data = readFileSync(path);
    sizes.raw += data.length;
    sizes.gzip += gzipSync(data, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(data, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length;
  }
  return sizes;
}

function addSizes(list) {
  return list.reduce((sum, s) => ({
    files: [...sum.files, ...s.files], raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli,
  }), { files: [], raw: 0, gzip: 0, brotli: 0 });
}

const topLevel = (test) => readdirSync(dist).filter(test).map((name) => join(dist, name));

/** The article the page opens with, chosen as the app does: first `featured: true`, else newest. */
function featuredArticlePath() {
  const { articles } = JSON.parse(readFileSync(join(dist, 'articles/index.json'), 'utf8'));
  const entry = articles.find((a) => a.featured)
    ?? [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published))[0];
  if (!entry) throw new Error('articles/index.json lists no articles');
  return join(dist, 'articles', `${entry.slug}.json`);
}

async function shippedBytes() {
  // The files a first visit downloads before the article can render. The *.js trunk emits is the
  // wasm-bindgen glue; any other top-level .js would also be loaded by the page, so it counts too.
  const kinds = {
    html: compressedSizes([join(dist, 'index.html')]),
    js: compressedSizes(topLevel((n) => n.endsWith('.js'))),
    wasm: compressedSizes(topLevel((n) => n.endsWith('_bg.wasm'))),
    css: compressedSizes(topLevel((n) => n.endsWith('.css'))),
  };
  const app = addSizes(Object.values(kinds));
  const data = compressedSizes([join(dist, 'articles/index.json'), featuredArticlePath()]);
  const firstLoad = addSizes([app, data]);
  // Images load lazily and by viewport (srcset), so they are reported but kept out of the budget.
  const imageDir = join(dist, 'images');
  const images = compressedSizes(existsSync(imageDir) ? readdirSync(imageDir).map((n) => join(imageDir, n)) : []);

  const row = (name, s) => [name, s.files.length, int(s.raw), int(s.gzip), int(s.brotli)];
  printTable(['kind', 'files', 'raw B', 'gzip B', 'brotli B'], [
    ...Object.entries(kinds).map(([name, s]) => row(name, s)),
    row('total', app),
  ]);
  console.log();
  console.log(`first load incl. article JSON (${data.files.join(', ')}): `
    + `raw ${int(firstLoad.raw)} B, gzip ${int(firstLoad.gzip)} B, brotli ${int(firstLoad.brotli)} B`);
  console.log(`images (not in budget, ${images.files.length} files): `
    + `raw ${int(images.raw)} B, gzip ${int(images.gzip)} B, brotli ${int(images.brotli)} B`);
  const used = (100 * app.brotli) / BUDGET_BYTES;
  console.log(`budget 150 KB brotli: ${kb(app.brotli)} KB used (${used.toFixed(0)}%)`);

  return { kinds, total: app, firstLoad: { ...firstLoad, dataFiles: data.files }, images,
    budget: { bytes: BUDGET_BYTES, usedBytes: app.brotli, usedPercent: used } };
}

// ---------------------------------------------------------------------------------------------
// A static server and a browser, each cleaned up however the work inside ends

/** 4180 if free, else any free port the OS hands out. */
function freePort(preferred = PREFERRED_PORT) {
  const tryListen = (port) => new Promise((ok, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok(probe.address()?.port ?? port)));
  });
  return tryListen(preferred).then(() => preferred, () => new Promise((ok, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => ok(port)); });
  }));
}

async function waitForHttp(url, child, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`http-server exited early (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`http-server did not answer ${url} within ${timeoutMs} ms`);
}

/** Serves `dir` with http-server (no cache, as plain files: no gzip/brotli) while `fn(baseUrl)` runs. */
async function withServer(dir, fn) {
  const port = await freePort();
  const bin = require.resolve('http-server/bin/http-server');
  // --no-deprecation: http-server 14 trips a Node 20 deprecation warning that is only noise here.
  const child = spawn(process.execPath, ['--no-deprecation', bin, dir, '-a', '127.0.0.1', '-p', String(port), '-c-1', '-s'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  // If the benchmark dies without reaching `finally` (e.g. process.exit), do not leave it listening.
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  try {
    const base = `http://127.0.0.1:${port}/`;
    await waitForHttp(`${base}index.html`, child);
    return await fn(base);
  } finally {
    process.off('exit', killOnExit);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/** Launches Debian's Chromium once (headless) for `fn(browser)`; closes it afterwards. */
async function withBrowser(fn) {
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Time to h1

// Runs in the page before any of its own scripts. All times are performance.now(), i.e. ms since
// navigation start. The h1 time is taken two animation frames after it enters the DOM: the first
// rAF runs just before the frame that contains it is painted, the second one after that paint.
function pageProbe() {
  window.__h1Painted = null;
  window.__lcp = null;
  window.__lcpElement = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__lcp = entry.startTime;
      // Which element it was, so a change of LCP element (say, to the lead image) is visible.
      const el = entry.element;
      window.__lcpElement = el ? `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}` : entry.url;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });

  const seen = () => {
    if (!document.querySelector('main article h1')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__h1Painted = performance.now(); }));
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
}

/** One cold load: a fresh context has an empty cache, cookies and storage. */
async function loadOnce(browser, url) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(pageProbe);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__h1Painted !== null, null, { timeout: LOAD_TIMEOUT_MS });
    // LCP may move on to the lead image after the h1: let the page finish loading before reading it.
    await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS }).catch(() => {});
    return await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done({
      h1Painted: window.__h1Painted,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      lcp: window.__lcp,
      lcpElement: window.__lcpElement,
    }))));
  } finally {
    await context.close();
  }
}

/** `runs` cold loads of `url`, printed one per line as they finish. */
async function loadTimes(browser, url, runs) {
  const results = [];
  for (let i = 1; i <= runs; i++) {
    const r = await loadOnce(browser, url);
    results.push(r);
    console.log(`run ${String(i).padStart(2)}: h1 painted ${ms(r.h1Painted).padStart(5)} ms   `
      + `FCP ${ms(r.fcp).padStart(5)} ms   LCP ${ms(r.lcp).padStart(5)} ms`);
  }
  return results;
}

function printSummary(results, metrics) {
  const rows = metrics.map(([label, key]) => {
    const s = summarize(results.map((r) => r[key]));
    return [label, ms(s.median), ms(s.min), ms(s.max)];
  });
  printTable(['ms', 'median', 'min', 'max'], rows);
}

async function timeToH1({ runs }) {
  return withServer(dist, (base) => withBrowser(async (browser) => {
    console.log(`${runs} cold loads of ${base} in Chromium ${browser.version()} (served uncompressed, localhost)`);
    const results = await loadTimes(browser, base, runs);
    console.log();
    const metrics = [['h1 painted', 'h1Painted'], ['FCP', 'fcp'], ['LCP', 'lcp']];
    printSummary(results, metrics);
    console.log(`\nLCP element: ${countBy(results.map((r) => r.lcpElement))}`);
    const summary = Object.fromEntries(metrics.map(([, key]) => [key, summarize(results.map((r) => r[key]))]));
    return { browser: browser.version(), runs: results, summary };
  }));
}

// ---------------------------------------------------------------------------------------------
// Lightbox: ArrowRight to next image painted

const LIGHTBOX_PRESSES = 20;
const LIGHTBOX_GAP_MS = 300; // between presses, as a reader looks at each image (neighbour preload)
const LIGHTBOX_IDLE_MS = 500;
const LIGHTBOX_GOAL_MS = 100;

// These run in the page (page.evaluate), so their timings include no CDP round trips.

/** Resolves once the open lightbox shows its image loaded and no resource has started for `idleMs`. */
function lightboxSettled({ idleMs, timeoutMs }) {
  const start = performance.now();
  return new Promise((done, fail) => {
    const check = () => {
      const img = document.querySelector('dialog.lightbox[open] .lightbox-stage img.lightbox-image');
      const loaded = img && img.classList.contains('is-loaded') && img.complete && img.naturalWidth > 0;
      const last = Math.max(0, ...performance.getEntriesByType('resource').map((e) => e.responseEnd || e.startTime));
      const now = performance.now();
      if (loaded && now - last >= idleMs) return done({ counter: document.querySelector('dialog.lightbox .lightbox-counter')?.textContent.trim() });
      if (now - start > timeoutMs) return fail(new Error('lightbox image did not load (or the network did not settle)'));
      setTimeout(check, 50);
    };
    check();
  });
}

/**
 * One ArrowRight on the dialog: t0 just before the keydown, t1 two animation frames after the
 * counter reads the next number and the stage holds the new image, decoded and loaded (`is-loaded`).
 */
function lightboxPressNext({ timeoutMs }) {
  const dialog = document.querySelector('dialog.lightbox[open]');
  if (!dialog) return Promise.reject(new Error('the lightbox is not open'));
  const counter = dialog.querySelector('.lightbox-counter');
  const stageImage = () => dialog.querySelector('.lightbox-stage img.lightbox-image');
  const [current, len] = counter.textContent.split('/').map((s) => parseInt(s, 10));
  if (!(len >= 2)) return Promise.reject(new Error(`the lightbox has ${len} image(s): nothing to step to`));
  const want = `${(current % len) + 1} / ${len}`;
  const before = stageImage();
  const beforeSrc = before?.getAttribute('src');
  const raf = () => new Promise((r) => requestAnimationFrame(r));

  return new Promise((done, fail) => {
    let observer = null;
    let timer = null;
    const ready = () => {
      const img = stageImage();
      return counter.textContent.trim() === want && img !== null
        && (img !== before || img.getAttribute('src') !== beforeSrc)
        && img.classList.contains('is-loaded') && img.complete && img.naturalWidth > 0 ? img : null;
    };
    const finish = async (img) => {
      observer.disconnect();
      clearTimeout(timer);
      await raf(); // runs just before the frame that shows it is painted ...
      await raf(); // ... and this one after that paint
      const t1 = performance.now();
      // Did showing it go to the network? (A hit in the memory cache leaves no resource entry.)
      const fetched = performance.getEntriesByType('resource')
        .filter((e) => e.name === img.currentSrc && e.startTime >= t0).length > 0;
      done({ ms: t1 - t0, counter: want, src: img.currentSrc.replace(location.origin + '/', ''), fetched });
    };
    const check = () => {
      const img = ready();
      if (img) finish(img);
    };
    observer = new MutationObserver(check);
    observer.observe(dialog, { subtree: true, childList: true, attributes: true, characterData: true });
    timer = setTimeout(() => {
      observer.disconnect();
      fail(new Error(`no loaded image ${want} within ${timeoutMs} ms (counter reads "${counter.textContent.trim()}")`));
    }, timeoutMs);
    const t0 = performance.now();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    check(); // the app may have rendered synchronously inside dispatchEvent
  });
}

async function lightboxNext() {
  return withServer(dist, (base) => withBrowser(async (browser) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(base);
      await page.waitForSelector('main article h1', { timeout: LOAD_TIMEOUT_MS });
      const opener = page.locator('main article figure button').first();
      await opener.click({ timeout: LOAD_TIMEOUT_MS });
      const { counter } = await page.evaluate(lightboxSettled, { idleMs: LIGHTBOX_IDLE_MS, timeoutMs: LOAD_TIMEOUT_MS });
      const viewport = page.viewportSize();
      console.log(`${LIGHTBOX_PRESSES} ArrowRight presses on ${base} in Chromium ${browser.version()}, `
        + `${viewport.width}x${viewport.height}, opened at "${counter}", ${LIGHTBOX_GAP_MS} ms between presses`);

      const presses = [];
      for (let i = 1; i <= LIGHTBOX_PRESSES; i++) {
        const r = await page.evaluate(lightboxPressNext, { timeoutMs: 10_000 });
        presses.push(r);
        console.log(`press ${String(i).padStart(2)}: ${r.counter.padStart(7)}  ${r.ms.toFixed(1).padStart(6)} ms`
          + `  ${r.src}${r.fetched ? ' (fetched)' : ''}`);
        if (i < LIGHTBOX_PRESSES) await page.waitForTimeout(LIGHTBOX_GAP_MS);
      }

      const summary = summarize(presses.map((r) => r.ms));
      const fetched = presses.filter((r) => r.fetched).length;
      console.log();
      printTable(['ms', 'median', 'min', 'max'],
        [['next image painted', summary.median.toFixed(1), summary.min.toFixed(1), summary.max.toFixed(1)]]);
      console.log(`\nimages fetched from the network on a press: ${fetched} of ${presses.length}`);
      const met = summary.median < LIGHTBOX_GOAL_MS;
      console.log(`goal: median under ${LIGHTBOX_GOAL_MS} ms: ${met ? 'met' : 'not met'} (${summary.median.toFixed(1)} ms)`);
      return { browser: browser.version(), viewport, openedAt: counter, gapMs: LIGHTBOX_GAP_MS,
        presses, summary, fetchedOnPress: fetched, goal: { medianUnderMs: LIGHTBOX_GOAL_MS, met } };
    } finally {
      await context.close();
    }
  }));
}

// ---------------------------------------------------------------------------------------------
// Main: the sections, in order

const sections = [
  { key: 'bytes', heading: 'Shipped bytes (dist/)', run: shippedBytes },
  { key: 'timeToH1', heading: 'Time to h1 (cold loads)', run: timeToH1 },
  { key: 'lightboxNext', heading: 'Lightbox: ArrowRight to next image painted', run: lightboxNext },
];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('dist/ is missing: run `trunk build --release` first');
  }
  const report = { date: new Date().toISOString(), runs: opts.runs };
  for (const section of sections) {
    console.log(`\n== ${section.heading} ==\n`);
    report[section.key] = await section.run(opts);
  }
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nfigures written to ${opts.json}`);
  }
}

main().catch((error) => {
  console.error(`bench: cannot run: ${error.stack || error}`);
  process.exitCode = 1;
});
