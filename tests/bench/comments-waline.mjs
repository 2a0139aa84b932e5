// Benchmark: a 1,000-comment Waline thread, the first page painted by our client vs Waline's own
// (@waline/client, its full build, emoji and search off: they fetch from third parties), on the
// same pre-rendered article page, desktop and phone (4x CPU, 150 ms RTT, 1.6 Mbps), cold. Prints
// every run, the medians and the ratio; asserts nothing (goal: ours at most half of Waline's).
//
//   node tests/bench/comments-waline.mjs [--runs N] [--json FILE]
//
// Needs the release build (dist/, scripts/release.sh), PostgreSQL 15 and Waline (scripts/setup.sh
// bench). Starts its own PostgreSQL cluster, Waline node and static server, and stops them however
// it ends.

import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { LOAD_TIMEOUT_MS, PROFILES, withBrowser } from './lib/browser.mjs';
import { freePort, withServer } from './lib/server.mjs';
import { compressSiblings, dist, root } from './lib/site.mjs';
import { ms, summarize } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
const site = join(root, '.build/bench-waline-site');
const walineScript = join(root, 'scripts/waline.sh');
const walineClient = join(root, 'tests/waline/node_modules/@waline/client/dist');
const run = promisify(execFile);

const SLUG = 'nica-agreement';
const THREAD = `/posts/${SLUG}`;
const SEED = 1000;
const REPLY_RATIO = 0.3;
const PAGE_SIZE = 20; // what our client asks for; Waline's client is given the same
const GOAL_RATIO = 0.5;
const CLUSTER = 'bench';
const NODE = 'bench';
const PROFILE_ORDER = [PROFILES.desktop, PROFILES.phone];
const CLIENTS = {
  ours: { label: 'ours', path: `${THREAD.slice(1)}/`, selector: '.comments article.comment', idOf: (id) => id.replace(/^comment-/, '') },
  waline: { label: 'Waline', path: 'waline-client.html', selector: '#waline .wl-card-item', idOf: (id) => id },
};

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = { runs: 7, json: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') opts.runs = Number(argv[++i]);
    else if (argv[i] === '--json') opts.json = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --runs N, --json FILE)`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs needs a positive integer');
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Waline: its own PostgreSQL cluster and node, seeded through Waline's API

async function waline(...args) {
  const { stdout } = await run(walineScript, args, { cwd: root, maxBuffer: 1 << 20 })
    .catch((e) => { throw new Error(`scripts/waline.sh ${args.join(' ')} failed: ${e.stderr || e.message}`); });
  return stdout.trim();
}

/** Starts PostgreSQL and one Waline node, runs `fn(walineUrl)`, stops both however that ends. */
async function withWaline(pgPort, nodePort, fn) {
  const stopSync = () => {
    spawnSync(walineScript, ['node', 'stop', '--name', NODE], { stdio: 'ignore' });
    spawnSync(walineScript, ['pg', 'stop', '--cluster', CLUSTER], { stdio: 'ignore' });
  };
  const onSignal = (signal) => { stopSync(); process.exit(signal === 'SIGINT' ? 130 : 143); };
  process.once('exit', stopSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await waline('pg', 'start', '--cluster', CLUSTER, '--port', String(pgPort), '--fresh');
    await waline('db', 'create', '--cluster', CLUSTER, '--db', 'bench');
    const url = await waline('node', 'start', '--name', NODE, '--port', String(nodePort), '--cluster', CLUSTER, '--db', 'bench');
    return await fn(url);
  } finally {
    process.off('exit', stopSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stopSync();
  }
}

/** A deterministic pseudo-random sequence, so every run seeds the same thread. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = 'the collider magnet beam detector plasma agreement institute proton therapy run result data team week first'.split(' ');

/** 1,000 comments (30% replies to earlier top-level comments) posted through Waline's API, in order. */
async function seed(walineUrl, siteOrigin) {
  const next = random(7);
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const post = async (body) => {
    const answer = await fetch(`${walineUrl}api/comment`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Referer: `${siteOrigin}/` },
      body: JSON.stringify({ url: THREAD, ua: 'bench', mail: '', link: '', ...body }),
    }).then((r) => r.json());
    if (answer.errno !== 0) throw new Error(`Waline refused a seed comment: ${answer.errmsg}`);
    return answer.data.objectId;
  };
  const tops = [];
  const started = Date.now();
  for (let i = 1; i <= SEED; i++) {
    const text = `Comment ${i}: ${words(8 + Math.floor(next() * 30))}. *${words(2)}* and **${words(2)}**.`;
    const nick = `Reader ${1 + Math.floor(next() * 200)}`;
    if (tops.length > 0 && next() < REPLY_RATIO) {
      const parent = tops[Math.floor(next() * tops.length)];
      await post({ comment: text, nick, pid: parent, rid: parent });
    } else {
      tops.push(await post({ comment: text, nick }));
    }
  }
  return `seeded ${SEED} comments (${tops.length} top-level, ${SEED - tops.length} replies) through Waline's API in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

/** The first page as Waline's API gives it: ids in document order (top, its replies, next top...). */
async function expectedFirstPage(walineUrl, siteOrigin) {
  const query = new URLSearchParams({ path: THREAD, page: 1, pageSize: PAGE_SIZE, sortBy: 'insertedAt_asc' });
  const answer = await fetch(`${walineUrl}api/comment?${query}`, { headers: { Referer: `${siteOrigin}/` } }).then((r) => r.json());
  const page = answer.data;
  // Replies oldest first under each top-level comment, as our client shows them (Waline's API and
  // client list them newest first): the check compares the same comments in the same places.
  const ids = page.data.flatMap((c) => [c.objectId, ...[...c.children].sort((x, y) => x.time - y.time || x.objectId - y.objectId)
    .map((r) => r.objectId)]).map(String);
  const replies = page.data.reduce((n, c) => n + c.children.length, 0);
  return { top: page.data.length, replies, count: ids.length, ids, tops: page.data.map((c) => String(c.objectId)), total: page.count };
}

// ---------------------------------------------------------------------------------------------
// The site: dist/ pointed at Waline and pre-rendered, plus the same page with Waline's client

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function prepareSite(walineUrl) {
  if (!existsSync(join(dist, '404.html'))) throw new Error('dist/ is missing: run scripts/release.sh');
  rmSync(site, { recursive: true, force: true });
  cpSync(dist, site, { recursive: true });
  const meta = /<meta\s+name="broadsheet-comments"\s+content="[^"]*"\s*\/?>/;
  const shell = join(site, '404.html');
  const html = readFileSync(shell, 'utf8');
  if (!meta.test(html)) throw new Error('dist/404.html has no <meta name="broadsheet-comments">');
  writeFileSync(shell, html.replace(meta, `<meta name="broadsheet-comments" content="waline:${walineUrl}" />`));
  const prerenderer = join(root, 'target/tools/broadsheet-prerender');
  if (!existsSync(prerenderer)) throw new Error('target/tools/broadsheet-prerender is missing: run scripts/release.sh');
  const done = spawnSync(prerenderer, ['--dist', site, '--site-url', 'http://127.0.0.1/'], { stdio: 'inherit' });
  if (done.status !== 0) throw new Error('the pre-renderer failed');
  // The pre-rendered page changed: its precompressed copies must follow.
  const page = join(site, CLIENTS.ours.path, 'index.html');
  for (const name of readdirSync(site)) if (/\.html$/.test(name)) compressSiblings(join(site, name));
  compressSiblings(page);

  mkdirSync(join(site, 'waline'), { recursive: true });
  for (const name of ['waline.js', 'waline.css']) {
    cpSync(join(walineClient, name), join(site, 'waline', name));
    compressSiblings(join(site, 'waline', name));
  }
  const clientPage = join(site, CLIENTS.waline.path);
  writeFileSync(clientPage, withWalineClient(readFileSync(page, 'utf8'), walineUrl));
  compressSiblings(clientPage);
}

/** The pre-rendered article page with Waline's client (as Waline's docs embed it) instead of our app. */
function withWalineClient(page, walineUrl) {
  const client = `<link rel="stylesheet" href="/waline/waline.css">
      <section id="waline-comments"><div id="waline"></div></section>
      <script type="module">
        import { init } from '/waline/waline.js';
        init({
          el: '#waline', serverURL: ${JSON.stringify(walineUrl.replace(/\/$/, ''))}, path: ${JSON.stringify(THREAD)},
          lang: 'en', pageSize: ${PAGE_SIZE}, commentSorting: 'oldest', dark: false,
          emoji: false, search: false, reaction: false, pageview: false, comment: false,
          imageUploader: false, highlighter: false, texRenderer: false,
        });
      </script>`;
  const cuts = [
    ['our app\'s module script', /<script type="module"[^>]*><\/script>/, '', true],
    ['our app\'s preloads', /<link rel="(modulepreload|preload)"[^>]*\.(js|wasm)"[^>]*>/g, '', false],
    ['the thread preload', /<link rel="preload" as="fetch"[^>]*>/, '', true],
    ['the page data', /<script type="application\/json" id="broadsheet-page">[\s\S]*?<\/script>/, '', true],
    ['our comments section', /<section[^>]*aria-labelledby="comments-heading"[^>]*class="comments"[^>]*>[\s\S]*?<\/section>/, client, true],
  ];
  return cuts.reduce((html, [what, pattern, replacement, required]) => {
    if (required && !pattern.test(html)) throw new Error(`waline-client.html: the pre-rendered page has no ${what} to replace`);
    return html.replace(pattern, replacement);
  }, page);
}

// ---------------------------------------------------------------------------------------------
// Timing

// In the page before its own scripts: `present` when `expected` comment elements are in the DOM,
// `painted` two animation frames later (the frame showing them has been painted).
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

/** One cold load (new context, empty cache) of a client's page under `profile`. */
async function loadOnce(browser, base, client, profile, expected, { settle = false } = {}) {
  const context = await browser.newContext(profile.context);
  try {
    await context.addInitScript(commentsProbe, { selector: client.selector, expected: expected.count });
    const page = await context.newPage();
    const outside = [];
    page.on('request', (r) => !r.url().startsWith('http://127.0.0.1') && outside.push(r.url()));
    const cdp = await context.newCDPSession(page);
    if (profile.cpuRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile.network);
    }
    await page.goto(base + client.path, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => window.__comments !== null, null, { timeout: LOAD_TIMEOUT_MS });
    if (settle) await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS }).catch(() => {});
    const figures = await page.evaluate(({ selector }) => {
      const thread = performance.getEntriesByType('resource').find((e) => /\/api\/comment\?/.test(e.name) && !/type=/.test(e.name));
      const transferred = performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, 0)
        + (performance.getEntriesByType('navigation')[0]?.transferSize ?? 0);
      return {
        ...window.__comments,
        threadStart: thread ? thread.startTime : null,
        threadJson: thread ? thread.responseEnd : null,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        transferred,
        ids: [...document.querySelectorAll(selector)].map((el) => el.id),
      };
    }, { selector: client.selector });
    figures.ids = figures.ids.map(client.idOf);
    figures.outside = outside;
    return figures;
  } finally {
    await context.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pgPort = await freePort(15532);
  const nodePort = await freePort(18190);
  const sitePort = await freePort(4188); // not 4190: browsers refuse that port (sieve)
  const siteOrigin = `http://127.0.0.1:${sitePort}`;
  const results = await withWaline(pgPort, nodePort, async (walineUrl) => {
    console.log(`Waline 1.39.3 at ${walineUrl} on PostgreSQL 15 (127.0.0.1:${pgPort}); ${await seed(walineUrl, siteOrigin)}`);
    const expected = await expectedFirstPage(walineUrl, siteOrigin);
    console.log(`first page (pageSize=${PAGE_SIZE}, oldest first): ${expected.top} top-level + ${expected.replies} replies `
      + `= ${expected.count} comment elements expected (thread total ${expected.total})`);
    prepareSite(walineUrl);
    return withServer(site, (base) => withBrowser(async (browser) => {
      const clientBytes = ['waline.js', 'waline.css'].map((n) => readFileSync(join(site, 'waline', `${n}.br`)).length);
      console.log(`Chromium ${browser.version()}; site ${base} (${site.slice(root.length + 1)}/, precompressed files served)`);
      console.log(`ours: ${base}${CLIENTS.ours.path}; Waline's client: ${base}${CLIENTS.waline.path} `
        + `(@waline/client full build, ${(clientBytes[0] / 1024).toFixed(1)} KB JS + ${(clientBytes[1] / 1024).toFixed(1)} KB CSS brotli)`);

      // An untimed load of each first: both must show exactly the API's first page.
      const checks = {};
      for (const [key, client] of Object.entries(CLIENTS)) {
        const r = await loadOnce(browser, base, client, PROFILE_ORDER[0], expected, { settle: true });
        // The same comments, the same top-level order, each reply under its own comment (Waline's
        // client shows replies newest first, ours oldest first, as with Isso).
        const groups = (ids) => {
          const out = [];
          for (const id of ids) {
            if (expected.tops.includes(id)) out.push([id, []]);
            else out.at(-1)?.[1].push(id);
          }
          return out.map(([top, replies]) => `${top}:${replies.sort().join('+')}`).join(' ');
        };
        const same = r.ids.length === expected.ids.length && groups(r.ids) === groups(expected.ids);
        checks[key] = { shown: r.ids.length, sameAsApi: same, outside: r.outside };
        console.log(`check ${client.label.padEnd(6)}: ${r.ids.length} comments shown after the network settled: `
          + `${same ? 'the API\'s first page, top-level comments in its order' : 'DIFFERENT from the API'}`
          + `; requests outside loopback: ${r.outside.length ? r.outside.join(', ') : 'none'}`);
      }

      const byProfile = {};
      for (const profile of PROFILE_ORDER) {
        console.log(`\n${profile.label}\n${opts.runs} cold loads each, alternating; ms from navigation start to all ${expected.count} comments painted`);
        const runs = { ours: [], waline: [] };
        for (let i = 1; i <= opts.runs; i++) {
          const line = [];
          for (const key of Object.keys(CLIENTS)) {
            const { ids, outside, ...figures } = await loadOnce(browser, base, CLIENTS[key], profile, expected);
            runs[key].push(figures);
            line.push(`${CLIENTS[key].label.padEnd(6)} ${ms(figures.painted).padStart(5)} ms (JSON ${ms(figures.threadStart)}-${ms(figures.threadJson)})`);
          }
          console.log(`run ${String(i).padStart(2)}: ${line.join('   ')}`);
        }
        const summary = Object.fromEntries(Object.entries(runs).map(([key, rs]) => [key, {
          painted: summarize(rs.map((r) => r.painted)),
          threadStart: summarize(rs.map((r) => r.threadStart)),
          threadJson: summarize(rs.map((r) => r.threadJson)),
          fcp: summarize(rs.map((r) => r.fcp)),
          transferred: summarize(rs.map((r) => r.transferred)),
        }]));
        const row = (label, f) => [label, ...['median', 'min', 'max'].map((k) => ms(f[k]))];
        console.log();
        printTable(['ms', 'median', 'min', 'max'], Object.entries(summary).flatMap(([key, f]) => [
          row(`${CLIENTS[key].label}: comments painted`, f.painted),
          row(`${CLIENTS[key].label}: thread JSON asked`, f.threadStart),
          row(`${CLIENTS[key].label}: thread JSON in`, f.threadJson),
        ]));
        const ratio = summary.ours.painted.median / summary.waline.painted.median;
        console.log(`${profile.key}: ours ${ms(summary.ours.painted.median)} ms vs Waline's client ${ms(summary.waline.painted.median)} ms, `
          + `ratio ${ratio.toFixed(2)} (goal <= ${GOAL_RATIO}: ${ratio <= GOAL_RATIO ? 'met' : 'not met'})`);
        byProfile[profile.key] = { runs, summary, ratio, met: ratio <= GOAL_RATIO };
      }
      console.log('\nsummary (median ms to the first page painted, cold):');
      printTable(['profile', 'ours', 'Waline client', 'ratio', 'goal <= 0.5'], PROFILE_ORDER.map(({ key }) => [
        key, ms(byProfile[key].summary.ours.painted.median), ms(byProfile[key].summary.waline.painted.median),
        byProfile[key].ratio.toFixed(2), byProfile[key].met ? 'met' : 'not met',
      ]));
      return { browser: browser.version(), waline: walineUrl, expected, checks, profiles: byProfile };
    }), { port: sitePort });
  });
  if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
