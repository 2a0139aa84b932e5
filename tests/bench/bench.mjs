// Broadsheet's benchmark: prints what the release build (dist/) ships and how fast the article's
// headline appears. It measures and reports; it asserts nothing, so it exits 0 unless it cannot run.
//
//   node tests/bench/bench.mjs [--runs N] [--json FILE] [--only KEY,...]
//
// --only runs just the named sections (keys: bytes, timeToH1, lightboxNext, commentsVsIsso, widget,
// prerenderVsPlain, lighthouse). lighthouse installs lighthouse@12 into .build/lighthouse on first use.
//
// Each section is one entry of `sections` (bottom of the file): a heading and an async function that
// prints its figures and returns them for --json. Add later benchmarks (lightbox, widget, comments)
// there, reusing withServer / withBrowser / loadTimes / median. The comments section also needs
// Isso's venv (.build/venv, from `scripts/setup.sh test`).

import { execFile, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
  const opts = { runs: 10, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') opts.runs = Number(argv[++i]);
    else if (arg === '--json') opts.json = argv[++i];
    else if (arg === '--only') opts.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown argument ${arg} (use --runs N, --json FILE, --only KEY,...)`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs needs a positive integer');
  if (opts.json === undefined) throw new Error('--json needs a file name');
  if (opts.only && opts.only.length === 0) throw new Error('--only needs section keys, comma-separated');
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
  // The files a first visit to the SPA downloads before the article can render: index.html and
  // what it references (boot-*.js, the wasm-bindgen glue it imports, the wasm, main-*.css). The
  // widget's loader and stylesheet are not part of it (see the widget section).
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = (name) => html.includes(name);
  const kinds = {
    html: compressedSizes([join(dist, 'index.html')]),
    js: compressedSizes(topLevel((n) => n.endsWith('.js') && (referenced(n) || n.startsWith('broadsheet-')))),
    wasm: compressedSizes(topLevel((n) => n.endsWith('_bg.wasm'))),
    css: compressedSizes(topLevel((n) => n.endsWith('.css') && referenced(n))),
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

/**
 * Serves `dir` with http-server (no cache unless `cacheSeconds`, as plain files: no gzip/brotli,
 * unless `serverArgs` adds -b / -g) while `fn(baseUrl)` runs.
 */
async function withServer(dir, fn, { serverArgs = [], cacheSeconds = -1 } = {}) {
  const port = await freePort();
  const bin = require.resolve('http-server/bin/http-server');
  // --no-deprecation: http-server 14 trips a Node 20 deprecation warning that is only noise here.
  const child = spawn(process.execPath, ['--no-deprecation', bin, dir, '-a', '127.0.0.1', '-p', String(port), `-c${cacheSeconds}`, '-s', ...serverArgs],
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
// Comments: a 1,000-comment Isso thread, our client vs Isso's own (embed.min.js)

const COMMENTS_RUNS = 9; // per client, alternating
const COMMENTS_SLUG = 'nica-agreement';
const COMMENTS_URI = `/posts/${COMMENTS_SLUG}`;
const COMMENTS_SEED = 1000;
const COMMENTS_REPLY_RATIO = 0.3;
const COMMENTS_TOP = 20; // what our client asks for: limit=20&nested_limit=3
const COMMENTS_NESTED = 3;
const COMMENTS_GOAL_RATIO = 0.5; // ours at most half of Isso's time
const REPEAT_PAUSE_MS = 1500; // between the first and the timed visit of a repeat load
const ASSET_CACHE_SECONDS = 3600; // what the site's files are served with (fresh contexts start empty)
const ISSO_NAME = 'bench-comments';
const ISSO_PREFERRED_PORT = 18180;
const issoSite = join(root, '.build/bench-isso-site');
const issoScript = join(root, 'scripts/isso.sh');
const run = promisify(execFile);

// The two clients, and how to count the comments each shows. Isso's postbox holds a
// `div.isso-comment` of its own (the preview), hence #isso-root.
const CLIENTS = {
  ours: { label: 'ours', path: COMMENTS_URI.slice(1), selector: '.comments article.comment', idPrefix: 'comment-' },
  isso: { label: 'Isso', path: 'isso-client.html', selector: '#isso-root .isso-comment', idPrefix: 'isso-' },
};

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * .build/bench-isso-site: dist/ with the comments meta pointing at Isso (index.html and the SPA
 * fallback 404.html), pre-rendered for that setting, plus isso-client.html: the same pre-rendered
 * article page with Isso's own client in place of ours (our app's scripts and preloads taken out,
 * Isso's script and thread element where our comments section was), showing the same first page
 * (20 top-level comments, 3 replies each, oldest first). Both clients pay for the same article.
 */
function prepareIssoSite(issoUrl, title) {
  rmSync(issoSite, { recursive: true, force: true });
  cpSync(dist, issoSite, { recursive: true });
  // The app shell (404.html) points at Isso; the pre-renderer then writes the pages for that
  // setting (no static thread, the thread's first page preloaded), as a publisher's build would.
  const meta = /<meta\s+name="broadsheet-comments"\s+content="[^"]*"\s*\/?>/;
  const shell = join(issoSite, '404.html');
  const html = readFileSync(shell, 'utf8');
  if (!meta.test(html)) throw new Error('dist/404.html has no <meta name="broadsheet-comments">');
  writeFileSync(shell, html.replace(meta, `<meta name="broadsheet-comments" content="isso:${issoUrl}" />`));
  const prerenderer = join(root, 'target/tools/broadsheet-prerender');
  if (!existsSync(prerenderer)) throw new Error('target/tools/broadsheet-prerender is missing: run scripts/release.sh');
  spawnSync(prerenderer, ['--dist', issoSite, '--site-url', 'http://127.0.0.1/'], { stdio: 'inherit' });
  const page = readFileSync(join(issoSite, COMMENTS_URI.slice(1), 'index.html'), 'utf8');
  writeFileSync(join(issoSite, CLIENTS.isso.path), withIssoClient(page, issoUrl, title));
}

/** A pre-rendered article page with Isso's client (as Isso's docs embed it) instead of our app. */
function withIssoClient(page, issoUrl, title) {
  const endpoint = issoUrl.replace(/\/$/, '');
  const isso = `<script data-isso="${endpoint}" data-isso-max-comments-top="${COMMENTS_TOP}"
              data-isso-max-comments-nested="${COMMENTS_NESTED}" data-isso-sorting="oldest"
              src="${endpoint}/js/embed.min.js"></script>
      <section id="isso-thread" data-isso-id="${COMMENTS_URI}" data-title="${escapeHtml(title)}"></section>`;
  // [what, pattern, replacement, required]: the app's own preloads go if the page has them.
  const cuts = [
    ['our app\'s module script', /<script type="module"[^>]*><\/script>/, '', true],
    ['our app\'s preloads', /<link rel="(modulepreload|preload)"[^>]*\.(js|wasm)"[^>]*>/g, '', false],
    ['the thread preload', /<link rel="preload" as="fetch"[^>]*>/, '', true],
    ['the page data', /<script type="application\/json" id="broadsheet-page">[\s\S]*?<\/script>/, '', true],
    ['our comments section', /<section aria-labelledby="comments-heading" class="comments">[\s\S]*?<\/section>/, isso, true],
  ];
  return cuts.reduce((html, [what, pattern, replacement, required]) => {
    if (required && !pattern.test(html)) throw new Error(`isso-client.html: the pre-rendered page has no ${what} to replace`);
    return html.replace(pattern, replacement);
  }, page);
}

/** Starts a fresh Isso (guard off) allowing `origin`, runs `fn(issoUrl)`, stops it however that ends. */
async function withIsso(port, origin, fn) {
  const stopSync = () => spawnSync(issoScript, ['stop', '--name', ISSO_NAME], { stdio: 'ignore' });
  // Isso runs detached from us (nohup): stop it on exit and on Ctrl-C / kill too.
  const onSignal = (signal) => { stopSync(); process.exit(signal === 'SIGINT' ? 130 : 143); };
  process.once('exit', stopSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { stdout } = await run(issoScript,
      ['start', '--port', String(port), '--host', origin, '--name', ISSO_NAME, '--no-guard'], { cwd: root })
      .catch((e) => { throw new Error(`scripts/isso.sh start failed: ${e.stderr || e.message}`); });
    return await fn(stdout.trim());
  } finally {
    process.off('exit', stopSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await run(issoScript, ['stop', '--name', ISSO_NAME], { cwd: root }).catch(() => stopSync());
  }
}

async function seedIsso(issoUrl, title) {
  const venvPython = join(root, '.build/venv/bin/python');
  const python = existsSync(venvPython) ? venvPython : 'python3';
  const { stdout } = await run(python, [join(root, 'scripts/isso_seed.py'), '--url', issoUrl, '--uri', COMMENTS_URI,
    '--title', title, '--count', String(COMMENTS_SEED), '--reply-ratio', String(COMMENTS_REPLY_RATIO)],
  { cwd: root, maxBuffer: 1 << 20 }).catch((e) => { throw new Error(`isso_seed.py failed: ${e.stderr || e.message}`); });
  return stdout.trim();
}

/** The first page as Isso's API gives it: the comment ids in document order (top, its replies, next top...). */
async function expectedFirstPage(issoUrl) {
  const query = new URLSearchParams({ uri: COMMENTS_URI, limit: COMMENTS_TOP, nested_limit: COMMENTS_NESTED, sort: 'oldest', plain: 1 });
  const answer = await fetch(`${issoUrl}?${query}`);
  if (!answer.ok) throw new Error(`Isso GET /?${query} answered ${answer.status}`);
  const thread = await answer.json();
  const top = thread.replies.length;
  const replies = thread.replies.reduce((n, c) => n + (c.replies?.length ?? 0), 0);
  const ids = thread.replies.flatMap((c) => [c.id, ...(c.replies ?? []).map((r) => r.id)]).map(String);
  return { top, replies, count: top + replies, ids, totalInThread: thread.total_replies, hiddenTop: thread.hidden_replies };
}

// Runs in the page before its own scripts (addInitScript). `present`: the first moment `expected`
// comment elements are in the DOM; `painted`: two animation frames later (the frame showing them
// has been painted). performance.now() is ms since navigation start.
function commentsProbe({ selector, expected }) {
  window.__comments = null;
  let present = null;
  const check = () => {
    if (present !== null) return;
    const count = document.querySelectorAll(selector).length;
    if (count < expected) return;
    present = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__comments = { present, painted: performance.now(), count };
    }));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * One load of a client's page in a fresh browser context: cold, or with `repeat` a second visit
 * (the first one untimed, then a pause for the browser to store what it caches, as a reader
 * coming back or opening another article would). `settle`: also wait for the network to go
 * quiet before reading the ids.
 */
async function commentsLoadOnce(browser, base, client, expected, { settle = false, repeat = false } = {}) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(commentsProbe, { selector: client.selector, expected: expected.count });
    const page = await context.newPage();
    if (repeat) {
      await page.goto(base + client.path, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__comments !== null, null, { timeout: LOAD_TIMEOUT_MS });
      await page.waitForTimeout(REPEAT_PAUSE_MS);
      await page.goto('about:blank');
    }
    await page.goto(base + client.path, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__comments !== null, null, { timeout: LOAD_TIMEOUT_MS });
    if (settle) await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS }).catch(() => {});
    return await page.evaluate(({ selector, idPrefix }) => {
      // When the thread's JSON had arrived (cross-origin: startTime/responseEnd are still given).
      const thread = performance.getEntriesByType('resource').find((e) => /\/\?uri=/.test(e.name));
      return {
        ...window.__comments,
        threadStart: thread ? thread.startTime : null,
        threadJson: thread ? thread.responseEnd : null,
        threadUrl: thread ? thread.name : null,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        ids: [...document.querySelectorAll(selector)].map((el) => el.id.replace(idPrefix, '')),
      };
    }, { selector: client.selector, idPrefix: client.idPrefix });
  } finally {
    await context.close();
  }
}

/** Do both clients show exactly the first page the API gives? Returns a line per client. */
async function checkFirstPages(browser, base, expected) {
  const checks = {};
  for (const [key, client] of Object.entries(CLIENTS)) {
    const r = await commentsLoadOnce(browser, base, client, expected, { settle: true });
    const same = r.ids.length === expected.ids.length && r.ids.every((id, i) => id === expected.ids[i]);
    const missing = expected.ids.filter((id) => !r.ids.includes(id));
    const extra = r.ids.filter((id) => !expected.ids.includes(id));
    checks[key] = { shown: r.ids.length, sameAsApi: same, missing, extra, threadUrl: r.threadUrl };
    const detail = same ? 'same comments, same order'
      : `DIFFERENT: ${missing.length} missing (${missing.slice(0, 5).join(', ')}), ${extra.length} extra (${extra.slice(0, 5).join(', ')})`
        + (missing.length === 0 && extra.length === 0 ? ', order differs' : '');
    console.log(`check ${client.label.padEnd(4)}: ${r.ids.length} comments shown after the network settled: ${detail}`);
    console.log(`            thread request: ${r.threadUrl ? r.threadUrl.replace(/^https?:\/\/[^/]+/, '') : 'none seen'}`);
  }
  return checks;
}

async function commentsVsIsso() {
  const { title } = JSON.parse(readFileSync(join(dist, 'articles', `${COMMENTS_SLUG}.json`), 'utf8'));
  const issoPort = await freePort(ISSO_PREFERRED_PORT);
  prepareIssoSite(`http://127.0.0.1:${issoPort}/`, title);
  return withServer(issoSite, (base) => withIsso(issoPort, new URL(base).origin, async (issoUrl) => {
    const seeded = await seedIsso(issoUrl, title);
    console.log(`Isso 0.14 at ${issoUrl} (guard off), site ${base} (${issoSite.slice(root.length + 1)}/)`);
    console.log(seeded);
    const expected = await expectedFirstPage(issoUrl);
    console.log(`first page (limit=${COMMENTS_TOP}&nested_limit=${COMMENTS_NESTED}&sort=oldest): ${expected.top} top-level `
      + `+ ${expected.replies} replies = ${expected.count} comment elements expected `
      + `(thread total ${int(expected.totalInThread)}, ${int(expected.hiddenTop)} more top-level behind "load more")`);

    return withBrowser(async (browser) => {
      console.log(`\nChromium ${browser.version()}; ours: ${base}${CLIENTS.ours.path} counting "${CLIENTS.ours.selector}", `
        + `Isso: ${base}${CLIENTS.isso.path} counting "${CLIENTS.isso.selector}"`);
      // An untimed load of each first: checks what they show and warms Isso's SQLite and the disk cache.
      const checks = await checkFirstPages(browser, base, expected);
      console.log(`\n${COMMENTS_RUNS} cold loads each, alternating; ms from navigation start to all ${expected.count} `
        + 'comments painted (JSON a-b: thread request sent at a, its response in at b)');
      const cold = await timeLoads(browser, base, expected, { repeat: false });
      console.log(`\n${COMMENTS_RUNS} repeat visits each (files cached for ${ASSET_CACHE_SECONDS} s as a host would; `
        + 'the thread always comes fresh from Isso), alternating');
      const repeat = await timeLoads(browser, base, expected, { repeat: true });
      const ratio = cold.ratio;
      const met = ratio <= COMMENTS_GOAL_RATIO;
      console.log(`\nratio ours/Isso (medians): cold ${ratio.toFixed(2)}, repeat visit ${repeat.ratio.toFixed(2)}`);
      console.log(`goal: ours at most half of Isso's time (cold): ${met ? 'met' : 'not met'} `
        + `(${ms(cold.summary.ours.painted.median)} ms vs ${ms(cold.summary.isso.painted.median)} ms)`);
      const { runs: results, summary } = cold;
      return {
        browser: browser.version(), site: base, isso: issoUrl, uri: COMMENTS_URI, seeded,
        expected: { top: expected.top, replies: expected.replies, count: expected.count, ids: expected.ids,
          totalInThread: expected.totalInThread },
        checks, runs: results, summary, ratio, repeat, goal: { maxRatio: COMMENTS_GOAL_RATIO, met },
      };
    });
  }), { cacheSeconds: ASSET_CACHE_SECONDS });
}

/** Alternating timed loads of both clients; prints each run and the medians, returns them with the ratio. */
async function timeLoads(browser, base, expected, { repeat }) {
  const runs = { ours: [], isso: [] };
  for (let i = 1; i <= COMMENTS_RUNS; i++) {
    const line = [];
    for (const key of ['ours', 'isso']) {
      const { ids, ...figures } = await commentsLoadOnce(browser, base, CLIENTS[key], expected, { repeat });
      runs[key].push({ ...figures, shown: ids.length });
      line.push(`${CLIENTS[key].label.padEnd(4)} ${ms(figures.painted).padStart(5)} ms `
        + `(JSON ${ms(figures.threadStart).padStart(4)}-${ms(figures.threadJson).padEnd(4)})`);
    }
    console.log(`run ${String(i).padStart(2)}: ${line.join('   ')}`);
  }
  const summary = Object.fromEntries(Object.entries(runs).map(([key, rs]) => [key, {
    painted: summarize(rs.map((r) => r.painted)),
    present: summarize(rs.map((r) => r.present)),
    threadStart: summarize(rs.map((r) => r.threadStart)),
    threadJson: summarize(rs.map((r) => r.threadJson)),
    fcp: summarize(rs.map((r) => r.fcp)),
  }]));
  const row = (label, figures) => [label, ...['median', 'min', 'max'].map((k) => ms(figures[k]))];
  console.log();
  printTable(['ms', 'median', 'min', 'max'], Object.entries(summary).flatMap(([key, figures]) => [
    row(`${CLIENTS[key].label}: comments painted`, figures.painted),
    row(`${CLIENTS[key].label}: thread JSON asked`, figures.threadStart),
    row(`${CLIENTS[key].label}: thread JSON in`, figures.threadJson),
  ]));
  return { runs, summary, ratio: summary.ours.painted.median / summary.isso.painted.median };
}

// ---------------------------------------------------------------------------------------------
// Widget: first-load bytes and time to h1

const WIDGET_ARTICLE = 'articles/nica-agreement.json';
const WIDGET_PAGE = 'widget-bench.html';
const WIDGET_WARM_GAP_MS = 100; // between warm inserts
const widgetSite = join(root, '.build/bench-widget');

/**
 * What dist/widget.js loads, read from its source rather than guessed: the glue it imports
 * (`import ... from './x.js'`) and the wasm and stylesheet it resolves next to itself
 * (`new URL('./x', import.meta.url)`).
 */
function widgetFiles() {
  const loader = join(dist, 'widget.js');
  if (!existsSync(loader)) throw new Error('dist/widget.js is missing: has scripts/post_build.mjs run?');
  const source = readFileSync(loader, 'utf8');
  const refs = [
    ...source.matchAll(/\bimport\s[^;]*?\bfrom\s*['"]\.\/([^'"]+)['"]/g),
    ...source.matchAll(/\bnew\s+URL\(\s*['"]\.\/([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g),
  ].map((m) => m[1]);
  const one = (ext, what) => {
    const found = [...new Set(refs.filter((r) => r.endsWith(ext)))];
    if (found.length !== 1) {
      throw new Error(`dist/widget.js: expected one ${what} (*${ext}), found ${found.length ? found.join(', ') : 'none'}`);
    }
    const path = join(dist, found[0]);
    if (!existsSync(path)) throw new Error(`dist/widget.js loads ${found[0]}, which is not in dist/`);
    return path;
  };
  return { loader, glue: one('.js', 'JS glue'), wasm: one('.wasm', 'wasm module'), css: one('.css', 'stylesheet') };
}

function widgetBytes() {
  const roles = { loader: 'loader', glue: 'JS glue', wasm: 'wasm', css: 'stylesheet' };
  const files = Object.fromEntries(Object.entries(widgetFiles()).map(([key, path]) => [key, compressedSizes([path])]));
  const total = addSizes(Object.values(files));
  const article = compressedSizes([join(dist, WIDGET_ARTICLE)]);
  const withArticle = addSizes([total, article]);

  const cells = (s) => [int(s.raw), int(s.gzip), int(s.brotli)];
  printTable(['file', 'raw B', 'gzip B', 'brotli B'], [
    ...Object.entries(files).map(([key, s]) => [`${s.files[0]} (${roles[key]})`, ...cells(s)]),
    ['total', ...cells(total)],
  ]);
  console.log();
  console.log(`first load incl. the article JSON (${WIDGET_ARTICLE}): `
    + `raw ${int(withArticle.raw)} B, gzip ${int(withArticle.gzip)} B, brotli ${int(withArticle.brotli)} B`);
  const used = (100 * total.brotli) / BUDGET_BYTES;
  console.log(`budget 150 KB brotli: ${kb(total.brotli)} KB used (${used.toFixed(0)}%)`);
  return { files, total, firstLoad: { ...withArticle, dataFiles: article.files },
    budget: { bytes: BUDGET_BYTES, usedBytes: total.brotli, usedPercent: used } };
}

// Inlined into the bench host page (a classic script in <head>, so it runs before widget.js).
// performance.now() is ms since navigation start. `insert()` adds one <broadsheet-article>: t0 just
// before, `present` when its shadow root first holds the h1, `painted` two animation frames later
// (the first rAF runs just before the frame showing it is painted, the second after that paint).
// The page holds no <broadsheet-article> of its own: once the element is defined, the probe
// inserts the first one itself (no CDP round trip between "defined" and t0).
function widgetHostProbe({ src, comments, timeoutMs }) {
  const bench = { defined: null, first: null, error: null };
  window.__widgetBench = bench;
  const raf = () => new Promise((r) => requestAnimationFrame(r));

  bench.insert = () => new Promise((done, fail) => {
    const el = document.createElement('broadsheet-article');
    el.setAttribute('src', src);
    el.setAttribute('comments', comments);
    const h1 = () => el.shadowRoot?.querySelector('article.article h1');
    let observer = null;
    let finished = false;
    const timer = setTimeout(() => {
      finished = true;
      observer?.disconnect();
      const shadow = el.shadowRoot ? `shadow root holds: ${el.shadowRoot.innerHTML.slice(0, 200) || '(nothing)'}` : 'no shadow root';
      fail(new Error(`no article.article h1 in the widget within ${timeoutMs} ms (${shadow})`));
    }, timeoutMs);
    const finish = async () => {
      if (finished) return;
      finished = true;
      const present = performance.now();
      observer?.disconnect();
      clearTimeout(timer);
      await raf();
      await raf();
      const painted = performance.now();
      // When the widget's files and the article arrived, relative to t0 (negative: before the insert).
      const resources = performance.getEntriesByType('resource')
        .filter((e) => e.responseEnd >= t0 || /_bg\.wasm$|\/widget-[^/]*\.css$|\.json$/.test(e.name))
        .map((e) => ({ name: e.name.replace(`${location.origin}/`, ''), start: e.startTime - t0, end: e.responseEnd - t0 }));
      done({ t0, present, painted, ms: painted - t0, resources });
    };
    // The widget attaches its shadow root only once the wasm and the stylesheet are in (a custom
    // element's shadow root cannot be observed from outside): poll for it, then watch it.
    const poll = () => {
      if (finished) return;
      if (!el.shadowRoot) { setTimeout(poll, 0); return; }
      if (h1()) { finish(); return; }
      observer = new MutationObserver(() => { if (h1()) finish(); });
      observer.observe(el.shadowRoot, { childList: true, subtree: true });
    };
    const t0 = performance.now();
    document.body.append(el);
    poll();
  });

  customElements.whenDefined('broadsheet-article').then(() => {
    bench.defined = performance.now();
    return bench.insert().then((r) => { bench.first = r; });
  }).catch((e) => { bench.error = String(e?.message ?? e); });
}

/** .build/bench-widget: a copy of dist/ (a snapshot, same origin as the widget) plus the bench host page. */
function prepareWidgetSite() {
  if (!existsSync(join(dist, WIDGET_ARTICLE))) throw new Error(`dist/${WIDGET_ARTICLE} is missing`);
  rmSync(widgetSite, { recursive: true, force: true });
  cpSync(dist, widgetSite, { recursive: true });
  const probe = { src: WIDGET_ARTICLE, comments: 'off', timeoutMs: LOAD_TIMEOUT_MS };
  writeFileSync(join(widgetSite, WIDGET_PAGE), `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Broadsheet widget bench host</title>
    <link rel="icon" href="data:," />
    <script>(${widgetHostProbe})(${JSON.stringify(probe)});</script>
    <script type="module" src="widget.js"></script>
  </head>
  <body>
    <h1>A host page</h1>
    <p>No &lt;broadsheet-article&gt; here: the bench inserts one once widget.js has defined it.</p>
  </body>
</html>
`);
}

/** Loads the host page in `page` and waits for the probe's first insert to paint its h1. */
async function widgetFirstInsert(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__widgetBench && (window.__widgetBench.first || window.__widgetBench.error),
    null, { timeout: LOAD_TIMEOUT_MS + 5_000 });
  const { defined, first, error } = await page.evaluate(() => window.__widgetBench);
  if (error) throw new Error(`widget bench page: ${error}`);
  return { ready: defined, ...first };
}

/** ms after t0 at which the resource matching `re` had arrived, as "+N" (or "-N": before the insert). */
function arrival(r, re) {
  const e = r.resources.find((x) => re.test(x.name));
  return e ? `${e.end >= 0 ? '+' : ''}${e.end.toFixed(0)}` : '-';
}

async function widgetTimeToH1({ runs }) {
  prepareWidgetSite();
  return withServer(widgetSite, (base) => withBrowser(async (browser) => {
    const url = base + WIDGET_PAGE;
    console.log(`${runs} cold loads of ${url} in Chromium ${browser.version()} (${widgetSite.slice(root.length + 1)}/: `
      + 'dist/ + the host page; served uncompressed, localhost); then each inserts '
      + `<broadsheet-article src="${WIDGET_ARTICLE}" comments="off">`);
    const cold = [];
    for (let i = 1; i <= runs; i++) {
      const context = await browser.newContext(); // empty cache
      try {
        const r = await widgetFirstInsert(await context.newPage(), url);
        cold.push({ ready: r.ready, t0: r.t0, ms: r.ms, navToPainted: r.painted, resources: r.resources });
        console.log(`cold ${String(i).padStart(2)}: widget.js ready ${ms(r.ready).padStart(4)} ms   `
          + `insert to h1 painted ${ms(r.ms).padStart(4)} ms   (nav to h1 painted ${ms(r.painted).padStart(4)} ms; `
          + `after the insert: wasm in ${arrival(r, /_bg\.wasm$/)}, css in ${arrival(r, /widget-[^/]*\.css$/)}, `
          + `article in ${arrival(r, /\.json$/)} ms)`);
      } finally {
        await context.close();
      }
    }

    // Warm: one page whose widget has loaded (module, wasm and stylesheet in); each run removes the
    // element and inserts a new one, which mounts at once and fetches only its article.
    console.log(`\n${runs} warm inserts in one page (widget.js, wasm and stylesheet already loaded; `
      + 'the previous element removed first)');
    const warm = [];
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await widgetFirstInsert(page, url);
      // Let the first element's images arrive, so they do not land inside the first warm run.
      await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS }).catch(() => {});
      for (let i = 1; i <= runs; i++) {
        await page.waitForTimeout(WIDGET_WARM_GAP_MS);
        const r = await page.evaluate(async () => {
          document.querySelectorAll('broadsheet-article').forEach((el) => el.remove());
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return window.__widgetBench.insert();
        });
        // Requests started after the insert (a hit in the memory cache leaves no entry).
        const fetched = r.resources.filter((e) => e.start >= 0).map((e) => e.name);
        warm.push({ ms: r.ms, fetched });
        const images = fetched.filter((name) => name.startsWith('images/')).length;
        const other = fetched.filter((name) => !name.startsWith('images/'));
        console.log(`warm ${String(i).padStart(2)}: insert to h1 painted ${r.ms.toFixed(1).padStart(6)} ms`
          + `   fetched: ${[...other, ...(images ? [`${images} image${images === 1 ? '' : 's'}`] : [])].join(', ') || 'nothing'}`);
      }
    } finally {
      await context.close();
    }

    const summary = {
      ready: summarize(cold.map((r) => r.ready)),
      coldInsertToH1: summarize(cold.map((r) => r.ms)),
      coldNavToH1: summarize(cold.map((r) => r.navToPainted)),
      warmInsertToH1: summarize(warm.map((r) => r.ms)),
    };
    const row = (label, s, digits = 0) => [label, ...['median', 'min', 'max'].map((k) => s[k].toFixed(digits))];
    console.log();
    printTable(['ms', 'median', 'min', 'max'], [
      row('navigation to widget.js ready (cold)', summary.ready),
      row('insert to h1 painted (cold)', summary.coldInsertToH1),
      row('navigation to h1 painted (cold)', summary.coldNavToH1),
      row('insert to h1 painted (warm)', summary.warmInsertToH1, 1),
    ]);
    console.log('\n"widget.js ready": customElements.whenDefined(\'broadsheet-article\') resolved. widget.js defines '
      + 'the element as soon as it runs and starts the wasm and stylesheet downloads then, so the cold insert '
      + 'time includes what is left of fetching and instantiating the wasm, the stylesheet and the article JSON.');
    return { browser: browser.version(), page: url, article: WIDGET_ARTICLE, cold, warm, summary };
  }));
}

async function widget(opts) {
  const bytes = widgetBytes();
  console.log();
  const time = await widgetTimeToH1(opts);
  return { bytes, time };
}

// ---------------------------------------------------------------------------------------------
// Pre-rendered page vs plain HTML: FCP, LCP (and CLS) of dist/index.html against a hand-written
// static page of the same article (tests/bench/plain/), on a throttled phone and a desktop.

const PLAIN_RUNS = 9; // per page and profile, alternating
const PLAIN_SETTLE_MS = 1_000; // after load (and, for ours, the take-over) before LCP is read
const PLAIN_GOAL_RATIO = 1.1; // LCP ours / plain on the phone profile
const PLAIN_PAGE = 'plain/nica-agreement.html';
const plainSource = join(root, 'tests/bench/plain');
const prerenderSite = join(root, '.build/bench-prerender');
// Served as a static host serves dist/: the precompressed .br / .gz siblings when the browser asks.
const COMPRESSED = ['-b', '-g'];

const PROFILES = [
  {
    key: 'phone',
    label: 'phone: 412x823 @1.75x, mobile, CPU 4x slower, 150 ms latency, 1.6 Mbps down / 750 Kbps up',
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    cpuRate: 4,
    network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
  {
    key: 'desktop',
    label: 'desktop: 1280x800 @1x, no throttling',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    cpuRate: null,
    network: null,
  },
];

const PAGES = {
  ours: { label: 'ours', path: '' },
  plain: { label: 'plain', path: PLAIN_PAGE },
};

/**
 * .build/bench-prerender: a copy of dist/ (which holds the pre-rendered index.html) plus the plain
 * page and its stylesheet under plain/, each with .br and .gz siblings as dist/'s files have.
 */
function preparePrerenderSite() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  if (!html.includes('id="broadsheet-page"') || !/<main[^>]*>\s*<article/.test(html)) {
    throw new Error('dist/index.html is not pre-rendered (no article in <main>): run scripts/release.sh');
  }
  rmSync(prerenderSite, { recursive: true, force: true });
  cpSync(dist, prerenderSite, { recursive: true });
  const target = join(prerenderSite, 'plain');
  cpSync(plainSource, target, { recursive: true });
  for (const name of readdirSync(target)) {
    const data = readFileSync(join(target, name));
    writeFileSync(join(target, `${name}.gz`), gzipSync(data, { level: 9 }));
    writeFileSync(join(target, `${name}.br`), brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

// Runs in the page before anything else (addInitScript; the plain page has no script of its own).
// Keeps every LCP candidate and the layout shifts, and notes when the app has taken the page over
// (the live comments section mounted in its holder).
function paintProbe() {
  const probe = { lcp: [], cls: 0, shifts: 0, takenOver: null };
  window.__paint = probe;
  const describe = (el) => {
    if (!el) return null;
    const name = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
    return el.tagName === 'IMG' ? `${name} ${(el.currentSrc || el.src).split('/').pop()}` : name;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      probe.lcp.push({ time: e.startTime, size: e.size, element: describe(e.element) ?? e.url.split('/').pop() });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      probe.cls += e.value;
      probe.shifts += 1;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const watch = new MutationObserver(() => {
    if (probe.takenOver === null && document.querySelector('.comments-holder section.comments')) {
      probe.takenOver = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true });
}

/** One cold load (new context: empty cache) of `url` under `profile`. */
async function paintLoadOnce(browser, url, profile, { takeOver }) {
  const context = await browser.newContext(profile.context);
  try {
    await context.addInitScript(paintProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (profile.cpuRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS * 2 });
    let takeOverMissed = false;
    if (takeOver) {
      await page.waitForFunction(() => window.__paint.takenOver !== null, null, { timeout: LOAD_TIMEOUT_MS * 2 })
        .catch(() => { takeOverMissed = true; });
    }
    await page.waitForTimeout(PLAIN_SETTLE_MS);
    const r = await page.evaluate(() => {
      const { lcp, cls, shifts, takenOver } = window.__paint;
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const img = document.querySelector('main article figure img');
      const h1 = document.querySelector('main article h1');
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        lcp: lcp.length ? lcp[lcp.length - 1].time : null,
        lcpElement: lcp.length ? lcp[lcp.length - 1].element : null,
        lcpSize: lcp.length ? lcp[lcp.length - 1].size : null,
        lcpCandidates: lcp.map((e) => `${e.element}@${e.time.toFixed(0)}`),
        cls,
        shifts,
        takenOver,
        load: nav.loadEventStart,
        // The critical path: the document and its render-blocking stylesheet, fully in.
        htmlIn: nav.responseEnd,
        cssIn: Math.max(0, ...resources.filter((e) => /\.css$/.test(e.name)).map((e) => e.responseEnd)) || null,
        // What went over the wire (compressed where the server sent .br / .gz).
        transferred: nav.transferSize + resources.reduce((n, e) => n + e.transferSize, 0),
        htmlEncoded: nav.encodedBodySize,
        htmlDecoded: nav.decodedBodySize,
        requests: resources.length + 1,
        // Where the lead picture and the headline sit, to check both pages lay out alike.
        h1Box: h1 ? (({ top, height }) => ({ top: Math.round(top), height: Math.round(height) }))(h1.getBoundingClientRect()) : null,
        leadTop: img ? Math.round(img.getBoundingClientRect().top + scrollY) : null,
        leadSrc: img ? img.currentSrc.split('/').pop() : null,
      };
    });
    if (takeOverMissed) r.takenOver = null;
    return r;
  } finally {
    await context.close();
  }
}

async function prerenderVsPlain() {
  preparePrerenderSite();
  return withServer(prerenderSite, (base) => withBrowser(async (browser) => {
    console.log(`ours: ${base} (dist/index.html, pre-rendered, then taken over by the app); `
      + `plain: ${base}${PLAIN_PAGE} (tests/bench/plain/, no JavaScript)`);
    console.log(`Chromium ${browser.version()}, ${prerenderSite.slice(root.length + 1)}/ served by http-server with the `
      + `precompressed .br/.gz siblings; ${PLAIN_RUNS} cold loads per page and profile, alternating (each in a fresh context); `
      + `LCP is the last candidate ${PLAIN_SETTLE_MS} ms after load (ours: after the take-over)`);
    const report = { site: base, plainPage: PLAIN_PAGE, browser: browser.version(), runsPerPage: PLAIN_RUNS, profiles: {} };

    for (const profile of PROFILES) {
      console.log(`\n-- ${profile.label}\n`);
      const results = { ours: [], plain: [] };
      for (let i = 1; i <= PLAIN_RUNS; i++) {
        const order = i % 2 ? ['ours', 'plain'] : ['plain', 'ours'];
        const line = {};
        for (const key of order) {
          const r = await paintLoadOnce(browser, base + PAGES[key].path, profile, { takeOver: key === 'ours' });
          results[key].push(r);
          line[key] = `${PAGES[key].label.padEnd(5)} FCP ${ms(r.fcp).padStart(5)}  LCP ${ms(r.lcp).padStart(5)} (${r.lcpElement ?? 'none'})`
            + (key === 'ours' ? `  taken over ${ms(r.takenOver).padStart(5)}  CLS ${r.cls.toFixed(3)}` : '');
        }
        console.log(`run ${i}: ${line.ours}   |   ${line.plain}`);
      }

      const summary = Object.fromEntries(Object.entries(results).map(([key, rs]) => [key, {
        fcp: summarize(rs.map((r) => r.fcp)),
        lcp: summarize(rs.map((r) => r.lcp)),
        load: summarize(rs.map((r) => r.load)),
        htmlIn: summarize(rs.map((r) => r.htmlIn)),
        cssIn: summarize(rs.map((r) => r.cssIn)),
        takenOver: summarize(rs.map((r) => r.takenOver)),
        cls: summarize(rs.map((r) => r.cls)),
        transferred: summarize(rs.map((r) => r.transferred)),
      }]));
      const ratio = {
        fcp: summary.ours.fcp.median / summary.plain.fcp.median,
        lcp: summary.ours.lcp.median / summary.plain.lcp.median,
      };
      const row = (label, s) => [label, ...['median', 'min', 'max'].map((k) => ms(s[k]))];
      console.log();
      printTable(['ms', 'median', 'min', 'max'], [
        row('ours: html in', summary.ours.htmlIn), row('plain: html in', summary.plain.htmlIn),
        row('ours: stylesheet in', summary.ours.cssIn), row('plain: stylesheet in', summary.plain.cssIn),
        row('ours: FCP', summary.ours.fcp), row('plain: FCP', summary.plain.fcp),
        row('ours: LCP', summary.ours.lcp), row('plain: LCP', summary.plain.lcp),
        row('ours: load event', summary.ours.load), row('plain: load event', summary.plain.load),
        row('ours: taken over by the app', summary.ours.takenOver),
      ]);
      console.log(`\nratio ours/plain (medians): FCP ${ratio.fcp.toFixed(2)}, LCP ${ratio.lcp.toFixed(2)}`);
      const maxCls = Math.max(...results.ours.map((r) => r.cls));
      const shiftedRuns = results.ours.filter((r) => r.shifts > 0).length;
      console.log(`ours: layout shift in ${shiftedRuns} of ${PLAIN_RUNS} runs (CLS sum max ${maxCls.toFixed(4)}); `
        + `take-over seen in ${results.ours.filter((r) => r.takenOver !== null).length} of ${PLAIN_RUNS}`);
      for (const key of ['ours', 'plain']) {
        const first = results[key][0];
        console.log(`${key.padEnd(5)}: LCP element ${countBy(results[key].map((r) => r.lcpElement))}; `
          + `candidates (run 1): ${first.lcpCandidates.join(', ') || 'none'}`);
        console.log(`       h1 at y=${first.h1Box?.top} (${first.h1Box?.height} px tall), lead image at y=${first.leadTop} `
          + `(${first.leadSrc}); ${first.requests} requests, ${int(summary[key].transferred.median)} B transferred `
          + `(html ${int(first.htmlEncoded)} B on the wire, ${int(first.htmlDecoded)} B decoded)`);
      }
      report.profiles[profile.key] = { label: profile.label, context: profile.context, cpuRate: profile.cpuRate,
        network: profile.network, runs: results, summary, ratio };
    }

    const phone = report.profiles.phone.ratio.lcp;
    const met = phone <= PLAIN_GOAL_RATIO;
    console.log(`\ngoal: LCP ratio <= ${PLAIN_GOAL_RATIO} on the phone profile: ${met ? 'met' : 'not met'} (${phone.toFixed(2)})`);
    report.goal = { maxLcpRatioPhone: PLAIN_GOAL_RATIO, lcpRatioPhone: phone, met };
    return report;
  }), { serverArgs: COMPRESSED });
}

// ---------------------------------------------------------------------------------------------
// Lighthouse 12 (mobile) on the featured page

const LIGHTHOUSE_VERSION = '12.8.2'; // 13 needs Node 22
const lighthouseDir = join(root, '.build/lighthouse');
const lighthouseCli = join(lighthouseDir, 'node_modules/lighthouse/cli/index.js');
const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS].join(' ');
const LIGHTHOUSE_METRICS = [
  ['FCP', 'first-contentful-paint'], ['LCP', 'largest-contentful-paint'], ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'], ['SI', 'speed-index'],
];

/** Installs lighthouse@LIGHTHOUSE_VERSION into .build/lighthouse unless that version is there. */
async function ensureLighthouse() {
  const manifest = join(lighthouseDir, 'node_modules/lighthouse/package.json');
  const installed = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
  if (installed === LIGHTHOUSE_VERSION && existsSync(lighthouseCli)) return;
  console.log(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${lighthouseDir.slice(root.length + 1)}/`
    + `${installed ? ` (found ${installed})` : ''} ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, ['install', '--prefix', lighthouseDir, '--no-audit', '--no-fund', '--loglevel=error', '--no-save',
    `lighthouse@${LIGHTHOUSE_VERSION}`], { cwd: root, timeout: 300_000, maxBuffer: 16 << 20 })
    .catch((e) => { throw new Error(`npm install lighthouse@${LIGHTHOUSE_VERSION} failed: ${(e.stderr || e.message).trim()}`); });
}

async function lighthouse() {
  try {
    await ensureLighthouse();
  } catch (error) {
    console.log(`Lighthouse cannot run here: ${error.message}`);
    return { error: error.message };
  }
  return withServer(dist, async (base) => {
    const out = join(lighthouseDir, 'report.json');
    rmSync(out, { force: true });
    const args = [lighthouseCli, base, `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo', '--output=json', `--output-path=${out}`, '--quiet'];
    console.log(`Lighthouse ${LIGHTHOUSE_VERSION} (mobile, simulated throttling) on ${base} (dist/, precompressed .br/.gz served)`);
    try {
      await run(process.execPath, args, { cwd: root, timeout: 300_000, maxBuffer: 64 << 20,
        env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    } catch (error) {
      const why = (error.stderr || error.message || String(error)).trim().split('\n').slice(-5).join('\n');
      console.log(`Lighthouse cannot run here: ${why}`);
      return { error: why };
    }
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    if (lhr.runtimeError) console.log(`Lighthouse runtime error: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const warning of lhr.runWarnings ?? []) console.log(`Lighthouse warning: ${warning}`);

    const categories = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score]));
    printTable(['category', 'score'], Object.entries(lhr.categories)
      .map(([, c]) => [c.title, c.score === null ? '-' : Math.round(c.score * 100)]));
    console.log();
    const metrics = Object.fromEntries(LIGHTHOUSE_METRICS.map(([label, id]) => {
      const a = lhr.audits[id];
      return [label, { value: a?.numericValue ?? null, unit: a?.numericUnit ?? null, display: a?.displayValue ?? null, score: a?.score ?? null }];
    }));
    printTable(['metric', 'value', 'score'], Object.entries(metrics)
      .map(([label, m]) => [label, m.display ?? '-', m.score === null ? '-' : m.score.toFixed(2)]));

    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    if (lcpElement) console.log(`\nLCP element: ${lcpElement.snippet ?? lcpElement.selector}`);

    // The audits of the four categories that score below 1 (informative / not applicable ones have no score).
    const seen = new Set();
    const failing = [];
    for (const [categoryId, c] of Object.entries(lhr.categories)) {
      for (const ref of c.auditRefs) {
        const a = lhr.audits[ref.id];
        if (!a || seen.has(a.id) || a.score === null || a.score >= 1) continue;
        if (!['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue;
        seen.add(a.id);
        failing.push({ id: a.id, category: categoryId, score: a.score, weight: ref.weight, title: a.title, display: a.displayValue ?? null });
      }
    }
    console.log(`\naudits scoring below 1: ${failing.length ? '' : 'none'}`);
    failing.forEach((a) => console.log(`  ${a.id} [${a.category}, score ${a.score.toFixed(2)}${a.weight ? `, weight ${a.weight}` : ''}]: `
      + `${a.title}${a.display ? ` (${a.display})` : ''}`));
    console.log(`\nfull report: ${out.slice(root.length + 1)}`);
    return { version: lhr.lighthouseVersion, url: lhr.finalDisplayedUrl ?? lhr.finalUrl, userAgent: lhr.environment?.hostUserAgent,
      categories, metrics, lcpElement: lcpElement?.snippet ?? null, failing, report: out,
      runtimeError: lhr.runtimeError ?? null, runWarnings: lhr.runWarnings ?? [] };
  }, { serverArgs: COMPRESSED });
}

// ---------------------------------------------------------------------------------------------
// Main: the sections, in order

const sections = [
  { key: 'bytes', heading: 'Shipped bytes (dist/)', run: shippedBytes },
  { key: 'timeToH1', heading: 'Time to h1 (cold loads)', run: timeToH1 },
  { key: 'lightboxNext', heading: 'Lightbox: ArrowRight to next image painted', run: lightboxNext },
  { key: 'commentsVsIsso', heading: "Comments: 1,000-comment thread, ours vs Isso's client", run: commentsVsIsso },
  { key: 'widget', heading: 'Widget: first-load bytes and time to h1', run: widget },
  { key: 'prerenderVsPlain', heading: 'Pre-rendered page vs plain HTML', run: prerenderVsPlain },
  { key: 'lighthouse', heading: 'Lighthouse 12 (mobile) on the featured page', run: lighthouse },
];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('dist/ is missing: run `trunk build --release` first');
  }
  const unknown = (opts.only ?? []).filter((key) => !sections.some((s) => s.key === key));
  if (unknown.length) throw new Error(`--only: no section ${unknown.join(', ')} (keys: ${sections.map((s) => s.key).join(', ')})`);
  const report = { date: new Date().toISOString(), runs: opts.runs };
  for (const section of sections.filter((s) => !opts.only || opts.only.includes(s.key))) {
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
