// The first load of an article the SPA renders from its JSON: an article with no pre-rendered page.
// A copy of dist/ without the featured article's pre-rendered files is served (precompressed
// files), so /posts/<slug> falls back to 404.html, the app's shell, as on any static host; the app
// then fetches its SPA chunk and the article's JSON and renders it. Cold, phone and desktop.
//
// Measured: navigation to the article's h1 painted (lib/h1.mjs), and the bytes (compressed bodies,
// Resource Timing) of everything that had arrived by then: html, css, js, wasm and the JSON;
// pictures apart.

import { PROFILES, withBrowser, withProfilePage } from './lib/browser.mjs';
import { h1Probe, loadUntilH1 } from './lib/h1.mjs';
import { conditionsLine } from './lib/machine.mjs';
import { bytesBy, collectResources, fetchedTwice, kindsLine, printWaterfall, resourceBuffer } from './lib/resources.mjs';
import { HOSTS, withServer } from './lib/server.mjs';
import { appFiles, copyOfDist, featuredArticle, rel } from './lib/site.mjs';
import { kb, ms, spread, summarize, summaryRow } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
import { atMost, target } from './lib/targets.mjs';

export const key = 'spa';
export const heading = 'SPA route rendered from JSON (no pre-rendered page): first load, cold';
export const aliases = ['timeToH1'];

const DEFAULT_RUNS = 7;
const BYTES_GOAL = 150 * 1024;

async function measureProfile(browser, url, profile, runs, app) {
  console.log(`\n-- ${profile.label}\n${conditionsLine()}`);
  const results = [];
  for (let i = 1; i <= runs; i++) {
    const r = await withProfilePage(browser, profile, [[resourceBuffer], [h1Probe]], async ({ page }) => {
      const h1 = await loadUntilH1(page, url);
      return { ...h1, resources: await page.evaluate(collectResources) };
    });
    r.bytes = bytesBy(r.resources, { until: r.painted });
    r.twice = fetchedTwice(r.resources);
    results.push(r);
    console.log(`run ${i}: h1 painted ${ms(r.painted).padStart(5)} ms after ${kb(r.bytes.code).padStart(6)} KB (${kindsLine(r.bytes.byKind)})`
      + `${r.twice.length ? `; fetched more than once: ${r.twice.join(', ')}` : ''}`);
  }
  const summary = { painted: summarize(results.map((r) => r.painted)), fcp: summarize(results.map((r) => r.fcp)),
    bytes: summarize(results.map((r) => r.bytes.code)) };
  console.log();
  printTable(['ms since navigation', 'median', 'min', 'max'], [summaryRow('FCP', summary.fcp), summaryRow('h1 painted', summary.painted)]);
  const mid = [...results].sort((a, b) => a.painted - b.painted)[(results.length - 1) >> 1];
  console.log(`\nthe median run's files (h1 painted at ${ms(mid.painted)} ms):`);
  printWaterfall(mid.resources, app, { origin: new URL(url).origin + '/', marks: [{ label: 'h1 painted', at: mid.painted }] });
  return { profile: profile.key, runs: results, summary };
}

export async function run({ runs = DEFAULT_RUNS } = {}) {
  const app = appFiles();
  const { slug } = featuredArticle();
  const site = copyOfDist('bench-spa', { drop: [`posts/${slug}.html`, `posts/${slug}/index.html`] });
  return withServer(site, (base) => withBrowser(async (browser) => {
    const url = `${base}posts/${slug}`;
    console.log(`${url}: ${rel(site)}/ (dist/ without posts/${slug}.html and posts/${slug}/index.html), served with `
      + `${HOSTS.precompressed}: the host answers 404.html, the app's shell; Chromium ${browser.version()}; ${runs} cold loads per profile`);
    const phone = await measureProfile(browser, url, PROFILES.phone, runs, app);
    const desktop = await measureProfile(browser, url, PROFILES.desktop, runs, app);
    const targets = [
      target('SPA route from JSON: bytes until the h1 is painted, phone', {
        goal: `<= ${kb(BYTES_GOAL)} KB`, value: `${spread(phone.summary.bytes, kb)} KB`, met: atMost(phone.summary.bytes.median, BYTES_GOAL),
      }),
      target('SPA route from JSON: h1 painted, phone', { goal: '(printed)', value: `${spread(phone.summary.painted)} ms` }),
      target('SPA route from JSON: h1 painted, desktop', { goal: '(printed)', value: `${spread(desktop.summary.painted)} ms` }),
    ];
    return { url, phone, desktop, targets };
  }), { mode: 'precompressed' });
}
