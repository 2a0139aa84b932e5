// The widget on a host page, against Isso's client on the same kind of page. Cold, phone and
// desktop, the site's precompressed files served.
//
// Ours: a plain host page with <script type="module" src="widget.js"> and one
// <broadsheet-article src="articles/<featured>.json" comments="local"> in its markup. Measured:
// navigation to the article's h1 painted inside the widget's shadow root (lib/h1.mjs), and the
// bytes (compressed bodies, Resource Timing) that had arrived by then, the host's own document
// left out: widget.js, the glue, the chunk loader, the main module, the widget's chunks, its
// stylesheet and the article's JSON; pictures apart.
//
// Isso: the same host page with Isso's client (embed.min.js and isso.css from the venv's package,
// served by the same host) on a thread of ISSO_SEED comments from a local Isso 0.14. Measured:
// navigation to its comment box and every comment of the thread painted with its stylesheet
// applied; bytes the same way (Isso's API answers come from another origin without
// Timing-Allow-Origin, so their bytes read 0: they are a few KB of JSON).
//
// Also printed: what widget.js loads, from the build's files (brotli), as a cross-check.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROFILES, LOAD_TIMEOUT_MS, withBrowser, withProfilePage } from './lib/browser.mjs';
import { h1Probe, loadUntilH1 } from './lib/h1.mjs';
import { installIssoClient, issoEmbed, seedIsso, withIsso } from './lib/isso.mjs';
import { conditionsLine } from './lib/machine.mjs';
import { bytesBy, collectResources, fetchedTwice, kindsLine, printWaterfall, resourceBuffer } from './lib/resources.mjs';
import { HOSTS, freePort, withServer } from './lib/server.mjs';
import { appFiles, copyOfDist, describeFile, dist, featuredArticle, fileSizes, rel } from './lib/site.mjs';
import { int, kb, ms, spread, summarize, summaryRow } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
import { atMost, target } from './lib/targets.mjs';

export const key = 'widget';
export const heading = 'Widget on a host page: first load and h1 painted, beside Isso\'s client, cold';
export const aliases = [];

const DEFAULT_RUNS = 7;
const BYTES_GOAL = 150 * 1024;
const ISSO_SEED = 5;
const ISSO_URI = '/host-page';
const OURS_PAGE = 'widget-host.html';
const ISSO_PAGE = 'isso-host.html';

const hostPage = (title, body) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <style>body { font: 18px/1.5 Georgia, serif; max-width: 44rem; margin: 0 auto; padding: 1rem; }</style>
  </head>
  <body>
    <header><p><strong>A publisher's site</strong></p></header>
    <main>
      <h1>A host page</h1>
      <p>The publisher's own text, then what it embeds.</p>
      ${body}
    </main>
  </body>
</html>
`;

/** What widget.js loads, by the build's files: its loader, the app, the widget's chunks, the stylesheet. */
function staticBytes(app) {
  const names = [app.widgetJs, app.glue, app.loader, app.wasm, app.widgetCss, app.features.widget.file, ...app.features.widget.shared];
  const rows = names.map((name) => ({ name, role: describeFile(name, app), ...fileSizes(join(dist, name)) }));
  const total = rows.reduce((n, r) => n + r.brotli, 0);
  printTable(['file', 'role', 'raw B', 'brotli B'], [
    ...rows.map((r) => [r.name, r.role, int(r.raw), int(r.brotli)]),
    ['total', '', int(rows.reduce((n, r) => n + r.raw, 0)), int(total)],
  ], { align: ['left', 'left'] });
  return { files: rows, brotli: total };
}

// Runs in Isso's host page before its scripts: the comment box and every comment of the first
// page in the DOM, Isso's stylesheet applied, then two frames (painted).
function issoProbe({ expected }) {
  const probe = { present: null, painted: null };
  window.__isso = probe;
  const check = () => {
    if (probe.present !== null) return;
    const styled = [...document.styleSheets].some((s) => s.href && s.href.endsWith('/isso.css'));
    if (!styled || !document.querySelector('#isso-thread .isso-postbox')) return;
    if (document.querySelectorAll('#isso-root .isso-comment').length < expected) return;
    probe.present = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { probe.painted = performance.now(); }));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('load', check, true); // the stylesheet's link
}

async function loadOurs(browser, url, profile) {
  return withProfilePage(browser, profile, [[resourceBuffer], [h1Probe]], async ({ page }) => {
    const h1 = await loadUntilH1(page, url);
    return { ...h1, resources: await page.evaluate(collectResources) };
  });
}

async function loadIsso(browser, url, profile, expected) {
  return withProfilePage(browser, profile, [[resourceBuffer], [issoProbe, { expected }]], async ({ page }) => {
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => window.__isso.painted !== null, null, { timeout: LOAD_TIMEOUT_MS });
    const probe = await page.evaluate(() => window.__isso);
    return { ...probe, resources: await page.evaluate(collectResources) };
  });
}

const notHostDocument = (e) => e.initiator === 'navigation';

async function measureProfile(browser, base, profile, runs, app) {
  console.log(`\n-- ${profile.label}\n${conditionsLine()}`);
  const results = { ours: [], isso: [] };
  for (let i = 1; i <= runs; i++) {
    const ours = await loadOurs(browser, base + OURS_PAGE, profile);
    ours.bytes = bytesBy(ours.resources, { until: ours.painted, exclude: notHostDocument });
    ours.twice = fetchedTwice(ours.resources);
    const isso = await loadIsso(browser, base + ISSO_PAGE, profile, ISSO_SEED);
    isso.bytes = bytesBy(isso.resources, { until: isso.painted, exclude: notHostDocument });
    results.ours.push(ours);
    results.isso.push(isso);
    console.log(`run ${i}: widget h1 painted ${ms(ours.painted).padStart(5)} ms after ${kb(ours.bytes.code).padStart(6)} KB   |   `
      + `Isso's client loaded ${ms(isso.painted).padStart(5)} ms after ${kb(isso.bytes.code).padStart(5)} KB`
      + `${ours.twice.length ? `   (ours fetched more than once: ${ours.twice.join(', ')})` : ''}`);
  }
  const s = (rs, f) => summarize(rs.map(f));
  const summary = {
    ours: { painted: s(results.ours, (r) => r.painted), bytes: s(results.ours, (r) => r.bytes.code) },
    isso: { painted: s(results.isso, (r) => r.painted), bytes: s(results.isso, (r) => r.bytes.code) },
  };
  console.log();
  printTable(['ms since navigation', 'median', 'min', 'max'], [
    summaryRow('ours: widget h1 painted', summary.ours.painted),
    summaryRow('Isso: client loaded (box + thread painted)', summary.isso.painted),
  ]);
  const mid = [...results.ours].sort((a, b) => a.painted - b.painted)[(runs - 1) >> 1];
  console.log(`\nours, the median run (h1 painted at ${ms(mid.painted)} ms): ${kindsLine(mid.bytes.byKind)}`);
  printWaterfall(mid.resources, app, { origin: base, marks: [{ label: 'widget h1 painted', at: mid.painted }] });
  const issoMid = [...results.isso].sort((a, b) => a.painted - b.painted)[(runs - 1) >> 1];
  console.log(`\nIsso, the median run (loaded at ${ms(issoMid.painted)} ms): ${kindsLine(issoMid.bytes.byKind)}`);
  printWaterfall(issoMid.resources, app, { origin: base, marks: [{ label: 'Isso loaded', at: issoMid.painted }] });
  return { profile: profile.key, runs: results, summary };
}

export async function run({ runs = DEFAULT_RUNS } = {}) {
  const app = appFiles();
  const article = featuredArticle();
  console.log('what widget.js loads (the build\'s files, brotli quality 11):');
  const files = staticBytes(app);

  const site = copyOfDist('bench-widget');
  const client = installIssoClient(site);
  const issoPort = await freePort(18190);
  const issoUrl = `http://127.0.0.1:${issoPort}/`;
  writeFileSync(join(site, OURS_PAGE), hostPage('Host page with the Broadsheet widget',
    `<script type="module" src="widget.js"></script>
      <broadsheet-article src="articles/${article.slug}.json" comments="local"></broadsheet-article>`));
  writeFileSync(join(site, ISSO_PAGE), hostPage('Host page with Isso\'s client',
    issoEmbed({ issoUrl, client, uri: ISSO_URI, title: 'A host page', top: 20, nested: 3 })));

  return withServer(site, (base) => withIsso({ name: 'bench-widget', port: issoPort, origins: [new URL(base).origin] }, async () => {
    const seeded = await seedIsso(issoUrl, { uri: ISSO_URI, title: 'A host page', count: ISSO_SEED, replyRatio: 0.3 });
    return withBrowser(async (browser) => {
      console.log(`\nours: ${base}${OURS_PAGE} (<broadsheet-article src="articles/${article.slug}.json" comments="local">); `
        + `Isso: ${base}${ISSO_PAGE} (embed.min.js ${kb(client.js.brotli)} KB + isso.css ${kb(client.css.brotli)} KB brotli, `
        + `Isso 0.14 at ${issoUrl}: ${seeded.split('\n')[0]}); ${rel(site)}/ served with ${HOSTS.precompressed}; `
        + `Chromium ${browser.version()}; ${runs} cold loads of each per profile, alternating`);
      const phone = await measureProfile(browser, base, PROFILES.phone, runs, app);
      const desktop = await measureProfile(browser, base, PROFILES.desktop, runs, app);
      const targets = [
        target('Widget: bytes until its h1 is painted, phone (host page left out)', {
          goal: `<= ${kb(BYTES_GOAL)} KB`, value: `${spread(phone.summary.ours.bytes, kb)} KB`, met: atMost(phone.summary.ours.bytes.median, BYTES_GOAL),
        }),
        target('Widget: h1 painted, phone', { goal: '(printed)', value: `${spread(phone.summary.ours.painted)} ms` }),
        target('  beside it: Isso\'s client loaded, phone', {
          goal: '(printed)', value: `${spread(phone.summary.isso.painted)} ms, ${kb(phone.summary.isso.bytes.median)} KB`,
        }),
      ];
      return { files, seeded, phone, desktop, targets };
    });
  }), { mode: 'precompressed' });
}
