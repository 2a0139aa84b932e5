// Paint of the pre-rendered article page against a plain HTML page of the same article
// (tests/bench/plain/: hand-written, no JavaScript, the same pictures), cold, on two kinds of host:
// one that sends the build's precompressed brotli files, and one that compresses with gzip itself
// and ignores them (lib/host.mjs). Phone and desktop profiles on the first, the phone on the
// second (the target is the phone's).
//
// Definitions: FCP and LCP from the browser's own entries; LCP is the last candidate
// SETTLE_MS after the load event and, for ours, after the take-over (the live comments section
// mounted), so a late candidate the app causes counts. CLS: every layout-shift entry without recent
// input, summed, over the same window (the take-over included: a page that jumps when the app
// arrives is caught). The two pages load alternately, each in a fresh context.

import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

import { PROFILES, LOAD_TIMEOUT_MS, withBrowser, withProfilePage } from './lib/browser.mjs';
import { conditionsLine } from './lib/machine.mjs';
import { HOSTS, withServer } from './lib/server.mjs';
import { copyOfDist, root } from './lib/site.mjs';
import { countBy, fixed, int, ms, summarize, summaryRow } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
import { atMost, ratioValue, target } from './lib/targets.mjs';

export const key = 'paint';
export const heading = 'Paint: pre-rendered page vs a plain HTML page, on a brotli host and a gzip host, cold';
export const aliases = ['prerenderVsPlain'];

const DEFAULT_RUNS = 9; // per page, profile and host, alternating
const SETTLE_MS = 1_000;
const GOAL_RATIO = 1.1;
const PLAIN_PAGE = 'plain/nica-agreement.html';
const plainSource = join(root, 'tests/bench/plain');

// [host mode, profile] pairs, in the order they run.
const CASES = [['precompressed', 'phone'], ['gzip', 'phone'], ['precompressed', 'desktop']];

const PAGES = { ours: { label: 'ours', path: '' }, plain: { label: 'plain', path: PLAIN_PAGE } };

/** .build/bench-paint: dist/ plus the plain page and its stylesheet, each with .br and .gz siblings. */
function prepareSite() {
  const site = copyOfDist('bench-paint');
  const target = join(site, 'plain');
  cpSync(plainSource, target, { recursive: true });
  for (const name of readdirSync(target)) {
    const data = readFileSync(join(target, name));
    writeFileSync(join(target, `${name}.gz`), gzipSync(data, { level: 9 }));
    writeFileSync(join(target, `${name}.br`), brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return site;
}

// Runs in the page before anything else (the plain page has no script of its own).
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

async function paintOnce(browser, url, profile, { takeOver }) {
  return withProfilePage(browser, profile, [[paintProbe]], async ({ page }) => {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    let takeOverMissed = false;
    if (takeOver) {
      await page.waitForFunction(() => window.__paint.takenOver !== null, null, { timeout: LOAD_TIMEOUT_MS })
        .catch(() => { takeOverMissed = true; });
    }
    await page.waitForTimeout(SETTLE_MS);
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
        lcpCandidates: lcp.map((e) => `${e.element}@${e.time.toFixed(0)}`),
        cls, shifts, takenOver,
        load: nav.loadEventStart,
        htmlIn: nav.responseEnd,
        cssIn: Math.max(0, ...resources.filter((e) => /\.css$/.test(e.name)).map((e) => e.responseEnd)) || null,
        transferred: nav.transferSize + resources.reduce((n, e) => n + e.transferSize, 0),
        htmlEncoded: nav.encodedBodySize,
        htmlDecoded: nav.decodedBodySize,
        requests: resources.length + 1,
        h1Top: h1 ? Math.round(h1.getBoundingClientRect().top) : null,
        leadTop: img ? Math.round(img.getBoundingClientRect().top + scrollY) : null,
        leadSrc: img ? img.currentSrc.split('/').pop() : null,
      };
    });
    if (takeOverMissed) r.takenOver = null;
    return r;
  });
}

async function measureCase(browser, base, mode, profile, runs) {
  console.log(`\n-- ${profile.label}; host: ${HOSTS[mode]}\n${conditionsLine()}`);
  const results = { ours: [], plain: [] };
  for (let i = 1; i <= runs; i++) {
    const order = i % 2 ? ['ours', 'plain'] : ['plain', 'ours'];
    const line = {};
    for (const page of order) {
      const r = await paintOnce(browser, base + PAGES[page].path, profile, { takeOver: page === 'ours' });
      results[page].push(r);
      line[page] = `${page.padEnd(5)} FCP ${ms(r.fcp).padStart(5)}  LCP ${ms(r.lcp).padStart(5)}`
        + (page === 'ours' ? `  taken over ${ms(r.takenOver).padStart(5)}  CLS ${r.cls.toFixed(3)}` : '');
    }
    console.log(`run ${i}: ${line.ours}   |   ${line.plain}`);
  }
  const summary = Object.fromEntries(Object.entries(results).map(([page, rs]) => [page, Object.fromEntries(
    ['fcp', 'lcp', 'load', 'htmlIn', 'cssIn', 'takenOver', 'cls', 'transferred'].map((k) => [k, summarize(rs.map((r) => r[k]))]),
  )]));
  const ratio = { fcp: summary.ours.fcp.median / summary.plain.fcp.median, lcp: summary.ours.lcp.median / summary.plain.lcp.median };
  console.log();
  printTable(['ms since navigation', 'median', 'min', 'max'], [
    summaryRow('ours: html in', summary.ours.htmlIn), summaryRow('plain: html in', summary.plain.htmlIn),
    summaryRow('ours: stylesheet in', summary.ours.cssIn), summaryRow('plain: stylesheet in', summary.plain.cssIn),
    summaryRow('ours: FCP', summary.ours.fcp), summaryRow('plain: FCP', summary.plain.fcp),
    summaryRow('ours: LCP', summary.ours.lcp), summaryRow('plain: LCP', summary.plain.lcp),
    summaryRow('ours: load event', summary.ours.load), summaryRow('plain: load event', summary.plain.load),
    summaryRow('ours: taken over by the app', summary.ours.takenOver),
  ]);
  const maxCls = Math.max(...results.ours.map((r) => r.cls));
  console.log(`\nratio ours/plain (medians): FCP ${ratio.fcp.toFixed(2)}, LCP ${ratio.lcp.toFixed(2)}`);
  console.log(`ours: layout shift in ${results.ours.filter((r) => r.shifts > 0).length} of ${runs} runs (CLS max ${maxCls.toFixed(4)}); `
    + `take-over seen in ${results.ours.filter((r) => r.takenOver !== null).length} of ${runs}`);
  for (const page of ['ours', 'plain']) {
    const first = results[page][0];
    console.log(`${page.padEnd(5)}: LCP element ${countBy(results[page].map((r) => r.lcpElement))}; candidates (run 1): `
      + `${first.lcpCandidates.join(', ') || 'none'}; h1 at y=${first.h1Top}, lead image at y=${first.leadTop} (${first.leadSrc}); `
      + `${first.requests} requests, ${int(summary[page].transferred.median)} B transferred `
      + `(html ${int(first.htmlEncoded)} B on the wire, ${int(first.htmlDecoded)} B decoded)`);
  }
  return { mode, profile: profile.key, runs: results, summary, ratio, maxCls };
}

export async function run({ runs = DEFAULT_RUNS } = {}) {
  const site = prepareSite();
  const cases = [];
  for (const mode of [...new Set(CASES.map(([m]) => m))]) {
    const result = await withServer(site, (base) => withBrowser(async (browser) => {
      console.log(`${mode} host: ${base} serving ${site.slice(root.length + 1)}/ with ${HOSTS[mode]}; ours: ${base} `
        + `(pre-rendered, taken over by the app), plain: ${base}${PLAIN_PAGE}; Chromium ${browser.version()}; `
        + `${runs} cold loads per page, alternating`);
      const out = [];
      for (const [m, profile] of CASES) if (m === mode) out.push(await measureCase(browser, base, mode, PROFILES[profile], runs));
      return out;
    }), { mode });
    cases.push(...result);
  }
  const find = (mode, profile) => cases.find((c) => c.mode === mode && c.profile === profile);
  const lcpTarget = (mode, label) => {
    const c = find(mode, 'phone');
    return target(`Paint, phone, ${label}: LCP ours / plain HTML`, {
      goal: `<= ${GOAL_RATIO}`, value: ratioValue(c.ratio.lcp, c.summary.ours.lcp, c.summary.plain.lcp.median),
      met: atMost(c.ratio.lcp, GOAL_RATIO),
    });
  };
  const maxCls = Math.max(...cases.map((c) => c.maxCls));
  const targets = [
    lcpTarget('precompressed', 'brotli host'),
    lcpTarget('gzip', 'gzip-on-the-fly host'),
    target('CLS of the pre-rendered page, every run (both hosts, phone and desktop)', {
      goal: '0', value: `max ${fixed(4)(maxCls)} over ${cases.length * runs} loads`, met: maxCls === 0,
    }),
  ];
  return { cases, targets };
}
