// A 1,000-comment Isso thread: the first page painted by our client vs Isso's own client, on the
// same pre-rendered article page, cold and on a repeat visit, desktop and phone.
//
// The site is dist/ built for Isso (the comments meta points at a local Isso 0.14, the pages
// pre-rendered again for that setting, as a publisher's build would be), recompressed, and served
// with its precompressed files. Isso's page is the same pre-rendered article with our app's
// scripts, preloads and page data taken out and Isso's client (embed.min.js and isso.css from the
// venv's package, on the same host, lib/isso.mjs) where our comments section was, asking for the
// same first page: 20 top-level comments, 3 replies each, oldest first. Before timing, an untimed
// load of each checks that both show exactly the comments Isso's API gives for that page.
//
// Measured: navigation to the moment all the first page's comment elements are in the DOM, two
// animation frames later (painted). Cold: a fresh context each. Repeat: a first, untimed visit in
// the same context, a pause, then the timed one, with the host's caching (hashed files immutable,
// the rest revalidated; lib/host.mjs); the thread always comes fresh from Isso.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

import { PROFILES, LOAD_TIMEOUT_MS, withBrowser, withProfilePage } from './lib/browser.mjs';
import { installIssoClient, issoEmbed, seedIsso, withIsso } from './lib/isso.mjs';
import { conditionsLine } from './lib/machine.mjs';
import { HOSTS, freePort, withServer } from './lib/server.mjs';
import { compressTree, copyOfDist, dist, rel, root } from './lib/site.mjs';
import { int, ms, summarize, summaryRow } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
import { atMost, ratioValue, target } from './lib/targets.mjs';

export const key = 'comments';
export const heading = "Comments: 1,000-comment Isso thread, ours vs Isso's client on the same page, cold and repeat";
export const aliases = ['commentsVsIsso'];

const DEFAULT_RUNS = 7; // per client, profile and kind of visit, alternating
const SLUG = 'nica-agreement';
const URI = `/posts/${SLUG}`;
const SEED = 1000;
const REPLY_RATIO = 0.3;
const TOP = 20; // what our client asks for: limit=20&nested_limit=3
const NESTED = 3;
const GOAL_RATIO = 1.0;
const REPEAT_PAUSE_MS = 1500;

// How to count the comments each client shows. Isso's comment box holds a `div.isso-comment` of
// its own (the preview), hence #isso-root.
const CLIENTS = {
  ours: { label: 'ours', path: URI.slice(1), selector: '.comments article.comment', idPrefix: 'comment-' },
  isso: { label: 'Isso', path: 'isso-client.html', selector: '#isso-root .isso-comment', idPrefix: 'isso-' },
};

/** .build/bench-comments: dist/ built for Isso at `issoUrl`, plus isso-client.html. */
function prepareSite(issoUrl, title) {
  const site = copyOfDist('bench-comments');
  const meta = /<meta\s+name="broadsheet-comments"\s+content="[^"]*"\s*\/?>/;
  const shell = join(site, '404.html');
  const html = readFileSync(shell, 'utf8');
  if (!meta.test(html)) throw new Error('dist/404.html has no <meta name="broadsheet-comments">');
  writeFileSync(shell, html.replace(meta, `<meta name="broadsheet-comments" content="isso:${issoUrl}" />`));
  const prerenderer = join(root, 'target/tools/broadsheet-prerender');
  if (!existsSync(prerenderer)) throw new Error('target/tools/broadsheet-prerender is missing: run scripts/release.sh');
  const done = spawnSync(prerenderer, ['--dist', site, '--site-url', 'http://127.0.0.1/'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (done.status !== 0) throw new Error(`the pre-renderer failed on ${rel(site)} (exit ${done.status})`);
  const client = installIssoClient(site);
  const page = readFileSync(join(site, URI.slice(1), 'index.html'), 'utf8');
  writeFileSync(join(site, CLIENTS.isso.path), withIssoClient(page, issoEmbed({ issoUrl, client, uri: URI, title, top: TOP, nested: NESTED })));
  compressTree(site); // the pages written again need their .br/.gz siblings written again
  return { site, client };
}

/** The pre-rendered article page with Isso's client (`embed`) instead of our app. */
function withIssoClient(page, embed) {
  // [what, pattern, replacement, required]
  const cuts = [
    ['our app\'s module script', /<script type="module"[^>]*><\/script>/, '', true],
    ['our app\'s preloads', /<link rel="(modulepreload|preload)"[^>]*\.(js|wasm)"[^>]*>/g, '', false],
    ['the thread preload', /<link rel="preload" as="fetch"[^>]*>/, '', true],
    ['the page data', /<script type="application\/json" id="broadsheet-page">[\s\S]*?<\/script>/, '', true],
    ['our comments section', /<section[^>]*aria-labelledby="comments-heading"[^>]*class="comments"[^>]*>[\s\S]*?<\/section>/, embed, true],
  ];
  return cuts.reduce((html, [what, pattern, replacement, required]) => {
    if (required && !pattern.test(html)) throw new Error(`isso-client.html: the pre-rendered page has no ${what} to replace`);
    return html.replace(pattern, replacement);
  }, page);
}

/** The first page as Isso's API gives it: comment ids in document order. */
async function expectedFirstPage(issoUrl) {
  const query = new URLSearchParams({ uri: URI, limit: TOP, nested_limit: NESTED, sort: 'oldest', plain: 1 });
  const answer = await fetch(`${issoUrl}?${query}`);
  if (!answer.ok) throw new Error(`Isso GET /?${query} answered ${answer.status}`);
  const thread = await answer.json();
  const ids = thread.replies.flatMap((c) => [c.id, ...(c.replies ?? []).map((r) => r.id)]).map(String);
  return { top: thread.replies.length, count: ids.length, ids, totalInThread: thread.total_replies, hiddenTop: thread.hidden_replies };
}

// Runs in the page before its own scripts: `present` when `expected` comment elements are in the
// DOM, `painted` two animation frames later.
function commentsProbe({ selector, expected }) {
  window.__comments = null;
  let present = null;
  const observer = new MutationObserver(() => {
    if (present !== null || document.querySelectorAll(selector).length < expected) return;
    present = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__comments = { present, painted: performance.now() };
    }));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function loadOnce(browser, base, client, profile, expected, { settle = false, repeat = false } = {}) {
  return withProfilePage(browser, profile, [[commentsProbe, { selector: client.selector, expected: expected.count }]], async ({ page }) => {
    const visit = async () => {
      await page.goto(base + client.path, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
      await page.waitForFunction(() => window.__comments !== null, null, { timeout: LOAD_TIMEOUT_MS });
    };
    if (repeat) {
      await visit();
      await page.waitForTimeout(REPEAT_PAUSE_MS);
      await page.goto('about:blank');
    }
    await visit();
    if (settle) await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS }).catch(() => {});
    return page.evaluate(({ selector, idPrefix }) => {
      const thread = performance.getEntriesByType('resource').find((e) => /\/\?uri=/.test(e.name));
      return {
        ...window.__comments,
        threadStart: thread ? thread.startTime : null,
        threadIn: thread ? thread.responseEnd : null,
        threadUrl: thread ? thread.name : null,
        ids: [...document.querySelectorAll(selector)].map((el) => el.id.replace(idPrefix, '')),
      };
    }, { selector: client.selector, idPrefix: client.idPrefix });
  });
}

/** Do both clients show exactly the first page the API gives? */
async function checkFirstPages(browser, base, expected) {
  const checks = {};
  for (const [key, client] of Object.entries(CLIENTS)) {
    const r = await loadOnce(browser, base, client, PROFILES.desktop, expected, { settle: true });
    const same = r.ids.length === expected.ids.length && r.ids.every((id, i) => id === expected.ids[i]);
    const missing = expected.ids.filter((id) => !r.ids.includes(id));
    const extra = r.ids.filter((id) => !expected.ids.includes(id));
    checks[key] = { shown: r.ids.length, sameAsApi: same, missing, extra };
    console.log(`check ${client.label.padEnd(4)}: ${r.ids.length} comments shown after the network settled: ${same ? 'same comments, same order'
      : `DIFFERENT: ${missing.length} missing, ${extra.length} extra${missing.length + extra.length === 0 ? ', order differs' : ''}`}; `
      + `thread request ${r.threadUrl ? r.threadUrl.replace(/^https?:\/\/[^/]+/, '') : 'none seen'}`);
  }
  return checks;
}

async function timeLoads(browser, base, expected, profile, runs, { repeat }) {
  console.log(`\n-- ${profile.label}: ${repeat ? 'repeat visits' : 'cold loads'}\n${conditionsLine()}`);
  const results = { ours: [], isso: [] };
  for (let i = 1; i <= runs; i++) {
    const order = i % 2 ? ['ours', 'isso'] : ['isso', 'ours'];
    const line = {};
    for (const key of order) {
      const { ids, ...r } = await loadOnce(browser, base, CLIENTS[key], profile, expected, { repeat });
      results[key].push({ ...r, shown: ids.length });
      line[key] = `${CLIENTS[key].label.padEnd(4)} ${ms(r.painted).padStart(5)} ms (thread JSON ${ms(r.threadStart)}-${ms(r.threadIn)})`;
    }
    console.log(`run ${i}: ${line.ours}   ${line.isso}`);
  }
  const summary = Object.fromEntries(Object.entries(results).map(([key, rs]) => [key, {
    painted: summarize(rs.map((r) => r.painted)), threadStart: summarize(rs.map((r) => r.threadStart)),
    threadIn: summarize(rs.map((r) => r.threadIn)),
  }]));
  console.log();
  printTable(['ms since navigation', 'median', 'min', 'max'], Object.entries(summary).flatMap(([key, f]) => [
    summaryRow(`${CLIENTS[key].label}: first page painted`, f.painted),
    summaryRow(`${CLIENTS[key].label}: thread JSON asked`, f.threadStart),
    summaryRow(`${CLIENTS[key].label}: thread JSON in`, f.threadIn),
  ]));
  const ratio = summary.ours.painted.median / summary.isso.painted.median;
  console.log(`ratio ours/Isso (medians): ${ratio.toFixed(2)}`);
  return { runs: results, summary, ratio };
}

export async function run({ runs = DEFAULT_RUNS } = {}) {
  const { title } = JSON.parse(readFileSync(join(dist, 'articles', `${SLUG}.json`), 'utf8'));
  const issoPort = await freePort(18180);
  const issoUrl = `http://127.0.0.1:${issoPort}/`;
  const { site, client } = prepareSite(issoUrl, title);
  return withServer(site, (base) => withIsso({ name: 'bench-comments', port: issoPort, origins: [new URL(base).origin] }, async () => {
    const seeded = await seedIsso(issoUrl, { uri: URI, title, count: SEED, replyRatio: REPLY_RATIO });
    console.log(`Isso 0.14 at ${issoUrl} (guard off): ${seeded}`);
    const expected = await expectedFirstPage(issoUrl);
    console.log(`first page (limit=${TOP}&nested_limit=${NESTED}&sort=oldest): ${expected.count} comment elements `
      + `(${expected.top} top-level; thread total ${int(expected.totalInThread)}, ${int(expected.hiddenTop)} more top-level behind "load more")`);
    return withBrowser(async (browser) => {
      console.log(`site ${base} (${rel(site)}/, ${HOSTS.precompressed}; hashed files immutable, the rest revalidated); `
        + `ours: ${base}${CLIENTS.ours.path}; Isso: ${base}${CLIENTS.isso.path} (embed.min.js ${(client.js.brotli / 1024).toFixed(1)} KB `
        + `+ isso.css ${(client.css.brotli / 1024).toFixed(1)} KB brotli); Chromium ${browser.version()}; ${runs} loads of each per case, alternating`);
      const checks = await checkFirstPages(browser, base, expected);
      const profiles = {};
      for (const profile of [PROFILES.desktop, PROFILES.phone]) {
        profiles[profile.key] = {
          cold: await timeLoads(browser, base, expected, profile, runs, { repeat: false }),
          repeat: await timeLoads(browser, base, expected, profile, runs, { repeat: true }),
        };
      }
      console.log();
      printTable(['first page painted, median ms', 'ours', 'Isso', 'ratio'], Object.entries(profiles).flatMap(([p, v]) => ['cold', 'repeat']
        .map((visit) => [`${p}, ${visit}`, ms(v[visit].summary.ours.painted.median), ms(v[visit].summary.isso.painted.median), v[visit].ratio.toFixed(2)])));
      const row = (p, visit, goal) => {
        const v = profiles[p][visit];
        return target(`Comments, 1,000-comment thread, ${p}, ${visit}: ours / Isso's client`, {
          goal: goal ? `<= ${GOAL_RATIO.toFixed(1)}` : '(printed)',
          value: ratioValue(v.ratio, v.summary.ours.painted, v.summary.isso.painted.median),
          met: goal ? atMost(v.ratio, GOAL_RATIO) : null,
        });
      };
      const allShown = Object.values(checks).every((c) => c.sameAsApi);
      const targets = [row('desktop', 'cold', true), row('phone', 'cold', true), row('desktop', 'repeat', false), row('phone', 'repeat', false)];
      if (!allShown) targets.push(target('Comments: both clients show the API\'s first page', { goal: 'yes', value: 'no (see the checks)', met: false }));
      return { isso: issoUrl, site: base, seeded, expected, checks, profiles, targets };
    });
  }), { mode: 'precompressed', cache: 'host' });
}
