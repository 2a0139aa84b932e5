// Lighthouse 12 (mobile, its simulated throttling) on the pre-rendered home page, served with the
// build's precompressed files: the four category scores (the aim: 100 each), the metrics, and
// every audit that scores below 1. Optional: it needs lighthouse in .build/lighthouse, which
// scripts/setup.sh bench installs; without it the section says so and the bench goes on.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { CHROMIUM_ARGS } from './lib/browser.mjs';
import { conditionsLine } from './lib/machine.mjs';
import { HOSTS, withServer } from './lib/server.mjs';
import { dist, rel, root } from './lib/site.mjs';
import { printTable } from './lib/table.mjs';
import { target } from './lib/targets.mjs';

export const key = 'lighthouse';
export const heading = 'Lighthouse 12 (mobile) on the pre-rendered home page';
export const aliases = [];

const exec = promisify(execFile);
const LIGHTHOUSE_VERSION = readFileSync(join(root, 'scripts/versions.env'), 'utf8').match(/^LIGHTHOUSE_VERSION=(\S+)/m)?.[1];
const lighthouseDir = join(root, '.build/lighthouse');
const lighthouseCli = join(lighthouseDir, 'node_modules/lighthouse/cli/index.js');
const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS].join(' ');
const LIGHTHOUSE_METRICS = [
  ['FCP', 'first-contentful-paint'], ['LCP', 'largest-contentful-paint'], ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'], ['SI', 'speed-index'],
];

/** The version scripts/setup.sh installs (scripts/versions.env), if it is there. */
function installedLighthouse() {
  const manifest = join(lighthouseDir, 'node_modules/lighthouse/package.json');
  const installed = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
  if (installed !== LIGHTHOUSE_VERSION || !existsSync(lighthouseCli)) {
    throw new Error(`lighthouse@${LIGHTHOUSE_VERSION} is not in ${rel(lighthouseDir)}/${installed ? ` (found ${installed})` : ''}: `
      + 'run scripts/setup.sh bench');
  }
}

const notRun = (why) => [target('Lighthouse mobile: the four categories', { goal: '100 each', value: `not run (${why.slice(0, 80)})` })];

export async function run() {
  try {
    installedLighthouse();
  } catch (error) {
    console.log(`Lighthouse cannot run here: ${error.message}`);
    return { error: error.message, targets: notRun(error.message) };
  }
  return withServer(dist, async (base) => {
    const out = join(lighthouseDir, 'report.json');
    rmSync(out, { force: true });
    const args = [lighthouseCli, base, `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo', '--output=json', `--output-path=${out}`, '--quiet'];
    console.log(`Lighthouse ${LIGHTHOUSE_VERSION} (mobile, simulated throttling) on ${base} (dist/, ${HOSTS.precompressed}, hashed files immutable, the rest revalidated)\n${conditionsLine()}`);
    try {
      await exec(process.execPath, args, { cwd: root, timeout: 300_000, maxBuffer: 64 << 20,
        env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    } catch (error) {
      const why = (error.stderr || error.message || String(error)).trim().split('\n').slice(-5).join('\n');
      console.log(`Lighthouse cannot run here: ${why}`);
      return { error: why, targets: notRun(why.split('\n').at(-1)) };
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
    const targets = Object.values(lhr.categories).map((c) => target(`Lighthouse mobile: ${c.title}`, {
      goal: '100', value: c.score === null ? '-' : String(Math.round(c.score * 100)), met: c.score === null ? null : c.score >= 1,
    }));
    return { targets, version: lhr.lighthouseVersion, url: lhr.finalDisplayedUrl ?? lhr.finalUrl, userAgent: lhr.environment?.hostUserAgent,
      categories, metrics, lcpElement: lcpElement?.snippet ?? null, failing, report: out,
      runtimeError: lhr.runtimeError ?? null, runWarnings: lhr.runWarnings ?? [] };
  }, { mode: 'precompressed', cache: 'host' });
}

