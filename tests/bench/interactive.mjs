// When a pre-rendered article page becomes interactive, and what it fetched by then: the home
// page (dist/index.html, the featured article pre-rendered, taken over by the app), cold, on the
// phone and the desktop profile, served with the build's precompressed files.
//
// "Interactive" is the latest of four moments, each seen in the page itself, and checked by doing
// what a reader does, so it cannot be met by hiding work (a marker set early, code deferred until
// after the bench stops looking):
//   1. take-over: <main data-enhanced> is set (src/enhance/mod.rs);
//   2. lightbox code in: the lightbox slot says data-state="ready" (src/view/lazy.rs); checked
//      right then by a click (desktop) or tap (phone) on the first figure: the dialog must be open
//      and painted within CLICK_GOAL_MS of the click, or the run does not count as interactive;
//   3. live comment form: a comment form's textarea inside .comments-holder (the live section
//      that replaced the static one); checked by typing into it: the live form must show the text
//      in its preview and keep it as a draft in this browser's storage;
//   4. dates final: the last time any <time datetime> in <main> changed its text (none changing:
//      the page's own dates were final). Dates are watched for SETTLE_MS after the checks, and a
//      change then moves the moment (and says so).
// The page is not scrolled or touched before all four have happened: whatever the app loads on
// its own (at idle time, near the screen) is what a reader gets without asking.
//
// Bytes: the compressed bodies (Resource Timing's encodedBodySize, Navigation Timing for the
// document) of every file that had fully arrived when the page became interactive: html, css, js,
// wasm and JSON data; pictures are counted apart. Files still loading then, or asked for later,
// are printed too, so nothing hides behind the moment.
//
// Then as a reader meets it (phone): from navigation, once the first figure is on the page (it is
// scrolled into view, as a reader would), a tap on it every TAP_EVERY_MS until the lightbox opens:
// when the first tap came that the app answered (it took the click), when the dialog was painted
// open, and the bytes fetched by then.

import { PROFILES, LOAD_TIMEOUT_MS, withBrowser, withProfilePage } from './lib/browser.mjs';
import { conditionsLine } from './lib/machine.mjs';
import { bytesBy, collectResources, fetchedTwice, kindsLine, printWaterfall, resourceBuffer } from './lib/resources.mjs';
import { withServer, HOSTS } from './lib/server.mjs';
import { appFiles, dist, featuredArticle } from './lib/site.mjs';
import { kb, ms, spread, summarize, summaryRow } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
import { atMost, target } from './lib/targets.mjs';

export const key = 'interactive';
export const heading = 'Pre-rendered article page: interactive (take-over, lightbox, live comments, dates), cold';
export const aliases = [];

const BYTES_GOAL = 80 * 1024;
const TIME_GOAL_MS = 1000;
const CLICK_GOAL_MS = 200; // "at once": a click answered within INP's "good" limit
const SETTLE_MS = 3000;
const TAP_EVERY_MS = 100;
const GIVE_UP_MS = 20_000; // a page not interactive by then counts as not interactive
const DEFAULT_RUNS = 7;
const TYPED = 'Typed while the bench watched';

// Runs in the page before its own scripts (addInitScript). Times are performance.now(): ms since
// navigation start.
function interactiveProbe() {
  const p = {
    takenOver: null, lightboxStates: [], lightboxReady: null, commentsLive: null,
    dateChanges: [], lastDateChange: null, datesSeen: 0,
    clicks: [], dialogOpen: null, dialogPainted: null, lcp: null,
  };
  window.__interactive = p;
  new PerformanceObserver((list) => { p.lcp = list.getEntries().at(-1).startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  const dates = new Map();
  const scanDates = (now) => {
    for (const time of document.querySelectorAll('main time[datetime]')) {
      const at = time.getAttribute('datetime');
      const text = time.textContent;
      if (!dates.has(at)) {
        dates.set(at, text);
      } else if (dates.get(at) !== text) {
        p.dateChanges.push({ at: now, datetime: at, from: dates.get(at), to: text });
        p.lastDateChange = now;
        dates.set(at, text);
      }
    }
    p.datesSeen = dates.size;
  };
  const check = () => {
    const now = performance.now();
    if (p.takenOver === null && document.querySelector('main[data-enhanced]')) p.takenOver = now;
    const state = document.querySelector('main .lightbox-slot')?.getAttribute('data-state') ?? null;
    if (state !== null && p.lightboxStates.at(-1)?.state !== state) p.lightboxStates.push({ state, at: now });
    if (p.lightboxReady === null && state === 'ready') p.lightboxReady = now;
    if (p.commentsLive === null && document.querySelector('main .comments-holder section.comments form.comment-form textarea')) {
      p.commentsLive = now;
    }
    if (p.dialogOpen === null && document.querySelector('main dialog.lightbox[open]')) {
      p.dialogOpen = now;
      requestAnimationFrame(() => requestAnimationFrame(() => { p.dialogPainted = performance.now(); }));
    }
    scanDates(now);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // Window, bubbling: runs after the article's own listener, so defaultPrevented says the app took it.
  addEventListener('click', (e) => p.clicks.push({ at: e.timeStamp, taken: e.defaultPrevented, trusted: e.isTrusted }));
}

/** Runs in the page: the four moments are all there. */
const allThere = () => {
  const p = window.__interactive;
  return p.takenOver !== null && p.lightboxReady !== null && p.commentsLive !== null;
};

/** Runs in the page: the dialog opened by the last click, painted. */
const dialogPainted = () => window.__interactive.dialogPainted !== null;

/** Opens the lightbox from the first figure (click or tap) and returns click → dialog painted. */
async function checkLightbox(page, profile) {
  const opener = page.locator('main article figure [data-image-index]').first();
  await opener.scrollIntoViewIfNeeded();
  if (profile.context.hasTouch) await opener.tap({ timeout: 10_000 });
  else await opener.click({ timeout: 10_000 });
  const opened = await page.waitForFunction(dialogPainted, null, { timeout: 10_000 }).then(() => true, () => false);
  const { clicks, dialogPainted: painted } = await page.evaluate(() => window.__interactive);
  const click = clicks.at(-1);
  const result = { opened, clickToOpen: opened && click ? painted - click.at : null, clickTaken: click?.taken ?? false };
  if (opened) {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('main dialog.lightbox[open]'), null, { timeout: 5_000 }).catch(() => {});
  }
  return result;
}

/** Types into the live comment form; true when the live form shows it in its preview and keeps the draft. */
async function checkCommentForm(page) {
  const field = page.locator('main .comments-holder section.comments form.comment-form textarea').first();
  await field.click({ timeout: 10_000 });
  await page.keyboard.type(TYPED);
  return page.waitForFunction((typed) => {
    const form = document.querySelector('main .comments-holder form.comment-form');
    const preview = form?.querySelector('.comment-preview-text')?.textContent ?? '';
    const draft = Object.keys(localStorage).some((k) => k.startsWith('broadsheet:draft:') && localStorage.getItem(k).includes(typed));
    return preview.includes(typed) && draft;
  }, TYPED, { timeout: 5_000 }).then(() => true, () => false);
}

/** One cold load: the moments, the checks, and what was fetched. */
async function interactiveOnce(browser, url, profile) {
  return withProfilePage(browser, profile, [[resourceBuffer], [interactiveProbe]], async ({ page }) => {
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    const arrived = await page.waitForFunction(allThere, null, { timeout: GIVE_UP_MS, polling: 20 })
      .then(() => true, () => false);
    // Checked at once, while nothing else has been done to the page.
    const lightbox = arrived ? await checkLightbox(page, profile) : { opened: false, clickToOpen: null };
    const typed = arrived ? await checkCommentForm(page) : false;
    await page.waitForTimeout(SETTLE_MS);
    const p = await page.evaluate(() => window.__interactive);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { htmlIn: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, lcp: window.__interactive.lcp };
    });
    const resources = await page.evaluate(collectResources);
    const datesFinal = p.lastDateChange ?? 0;
    const moments = [p.takenOver, p.lightboxReady, p.commentsLive, datesFinal];
    const verified = arrived && lightbox.opened && lightbox.clickToOpen <= CLICK_GOAL_MS && typed;
    const interactive = verified ? Math.max(...moments) : null;
    return {
      ...nav, takenOver: p.takenOver, lightboxReady: p.lightboxReady, lightboxStates: p.lightboxStates,
      commentsLive: p.commentsLive, datesFinal, dateChanges: p.dateChanges, datesSeen: p.datesSeen,
      clickToOpen: lightbox.clickToOpen, lightboxOpened: lightbox.opened, typed, arrived, verified, interactive,
      resources,
    };
  });
}

/** One cold load on the phone, tapping the first figure every TAP_EVERY_MS until the lightbox opens. */
async function tapUntilOpen(browser, url, profile) {
  return withProfilePage(browser, profile, [[resourceBuffer], [interactiveProbe]], async ({ page }) => {
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    // The figure is there once the parser has reached it: scroll it on screen as a reader would.
    const figure = 'main article figure [data-image-index]';
    await page.waitForSelector(figure, { state: 'attached', timeout: LOAD_TIMEOUT_MS });
    const onScreen = await page.evaluate((sel) => {
      document.querySelector(sel).scrollIntoView({ block: 'center', behavior: 'instant' });
      return performance.now();
    }, figure);
    let taps = 0;
    let slot = Math.ceil((Date.now() - started) / TAP_EVERY_MS);
    while (Date.now() - started < GIVE_UP_MS) {
      const wait = started + slot * TAP_EVERY_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // The page may still move under the reader's finger (the stylesheet arriving): keep the
      // figure on screen, as a reader would.
      const state = await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        let box = el.getBoundingClientRect();
        if (box.top + box.height / 2 < 0 || box.top + box.height / 2 > innerHeight) {
          el.scrollIntoView({ block: 'center', behavior: 'instant' });
          box = el.getBoundingClientRect();
        }
        return { open: window.__interactive.dialogOpen !== null, x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }, figure);
      if (state.open) break;
      await page.touchscreen.tap(state.x, state.y);
      taps += 1;
      // A slot missed while the page was busy is skipped, as a reader's tap would land later.
      slot = Math.max(slot + 1, Math.ceil((Date.now() - started) / TAP_EVERY_MS));
    }
    await page.waitForFunction(dialogPainted, null, { timeout: 10_000 }).catch(() => {});
    const p = await page.evaluate(() => window.__interactive);
    const resources = await page.evaluate(collectResources);
    const answered = p.clicks.find((c) => c.taken);
    return {
      onScreen, taps, clicks: p.clicks.length, firstClick: p.clicks[0]?.at ?? null, firstAnswered: answered?.at ?? null,
      open: p.dialogPainted, takenOver: p.takenOver, lightboxReady: p.lightboxReady, resources,
    };
  });
}

/** When the files of `names` were first asked for and all in, in one run (null when none was fetched). */
function span(resources, names) {
  const mine = resources.filter((r) => names.some((n) => r.url.endsWith(`/${n}`)));
  if (mine.length === 0) return { asked: null, in: null };
  return { asked: Math.min(...mine.map((r) => r.start)), in: Math.max(...mine.map((r) => r.end)) };
}

const featureFiles = (app, feature) => [app.features[feature].file, ...app.features[feature].shared];

/** The run whose interactive time is the median one (the lower middle for an even count). */
function medianRun(runs, keyOf) {
  const known = runs.filter((r) => typeof keyOf(r) === 'number').sort((a, b) => keyOf(a) - keyOf(b));
  return known.length ? known[(known.length - 1) >> 1] : null;
}

async function measureProfile(browser, url, profile, runs, app) {
  console.log(`\n-- ${profile.label}\n${conditionsLine()}`);
  const results = [];
  for (let i = 1; i <= runs; i++) {
    const r = await interactiveOnce(browser, url, profile);
    r.bytes = r.interactive === null ? null : bytesBy(r.resources, { until: r.interactive });
    r.bytesAll = bytesBy(r.resources);
    r.lightboxChunks = span(r.resources, featureFiles(app, 'lightbox'));
    r.commentsChunks = span(r.resources, featureFiles(app, 'comments'));
    r.mainIn = span(r.resources, [app.wasm]).in;
    r.twice = fetchedTwice(r.resources);
    results.push(r);
    console.log(`run ${i}: interactive ${ms(r.interactive).padStart(5)} ms, ${kb(r.bytes?.code).padStart(6)} KB  `
      + `(take-over ${ms(r.takenOver)}, lightbox ready ${ms(r.lightboxReady)}, comments live ${ms(r.commentsLive)}, `
      + `dates final ${r.dateChanges.length ? ms(r.datesFinal) : 'as sent'}; click → open ${ms(r.clickToOpen)} ms, `
      + `typing reached the live form: ${r.typed ? 'yes' : 'NO'})`);
    if (!r.verified) {
      console.log(`       NOT interactive: ${!r.arrived ? `the four moments did not all come within ${GIVE_UP_MS / 1000} s`
        : !r.lightboxOpened ? 'a click on the first figure did not open the lightbox'
          : r.clickToOpen > CLICK_GOAL_MS ? `the lightbox took ${ms(r.clickToOpen)} ms to open (goal ${CLICK_GOAL_MS})`
            : 'typing did not reach the live comment form'}`);
    }
    if (r.twice.length) console.log(`       fetched more than once: ${r.twice.join(', ')}`);
  }

  const s = (f) => summarize(results.map(f));
  const summary = {
    htmlIn: s((r) => r.htmlIn), fcp: s((r) => r.fcp), lcp: s((r) => r.lcp), domContentLoaded: s((r) => r.domContentLoaded),
    mainIn: s((r) => r.mainIn), takenOver: s((r) => r.takenOver),
    lightboxAsked: s((r) => r.lightboxChunks.asked), lightboxIn: s((r) => r.lightboxChunks.in), lightboxReady: s((r) => r.lightboxReady),
    commentsAsked: s((r) => r.commentsChunks.asked), commentsIn: s((r) => r.commentsChunks.in), commentsLive: s((r) => r.commentsLive),
    datesFinal: s((r) => r.datesFinal), load: s((r) => r.load), interactive: s((r) => r.interactive),
    clickToOpen: s((r) => r.clickToOpen), bytes: s((r) => r.bytes?.code), bytesAll: s((r) => r.bytesAll.code),
  };
  console.log();
  printTable(['ms since navigation', 'median', 'min', 'max'], [
    summaryRow('html in', summary.htmlIn),
    summaryRow('first contentful paint', summary.fcp),
    summaryRow('largest contentful paint', summary.lcp),
    summaryRow('DOMContentLoaded', summary.domContentLoaded),
    summaryRow('main module (wasm) in', summary.mainIn),
    summaryRow('1. take-over (data-enhanced)', summary.takenOver),
    summaryRow('   lightbox chunks asked for', summary.lightboxAsked),
    summaryRow('   lightbox chunks in', summary.lightboxIn),
    summaryRow('2. lightbox ready', summary.lightboxReady),
    summaryRow('   comments chunks asked for', summary.commentsAsked),
    summaryRow('   comments chunks in', summary.commentsIn),
    summaryRow('3. live comment form', summary.commentsLive),
    summaryRow('4. dates final (0: as sent)', summary.datesFinal),
    summaryRow('load event', summary.load),
    summaryRow('INTERACTIVE (latest of 1-4, checked)', summary.interactive),
    summaryRow('click on figure → dialog painted', summary.clickToOpen),
  ]);
  const changed = results.flatMap((r) => r.dateChanges);
  console.log(`\ndates: ${results[0].datesSeen} <time> elements in <main>; ${changed.length ? `${changed.length} changes, e.g. `
    + `"${changed[0].from}" → "${changed[0].to}"` : 'none changed its text in any run'}`);
  console.log(`lightbox slot states (run 1): ${results[0].lightboxStates.map((x) => `${x.state}@${ms(x.at)}`).join(' → ')}`);
  console.log(`runs checked interactive: ${results.filter((r) => r.verified).length} of ${runs}`);

  const mid = medianRun(results, (r) => r.interactive);
  if (mid) {
    console.log(`\nwhere the bytes go by then (the median run, interactive at ${ms(mid.interactive)} ms): ${kindsLine(mid.bytes.byKind)} `
      + `= ${kb(mid.bytes.code)} KB code, styles and data (pictures apart: ${kb(mid.bytes.byKind.picture)} KB); `
      + `everything fetched in the run, ${SETTLE_MS / 1000} s after the checks: ${kb(mid.bytesAll.code)} KB code`);
    printWaterfall(mid.resources, app, {
      origin: new URL(url).origin + '/',
      marks: [
        { label: 'take-over', at: mid.takenOver }, { label: 'lightbox ready', at: mid.lightboxReady },
        { label: 'live comment form', at: mid.commentsLive }, { label: 'INTERACTIVE', at: mid.interactive },
      ],
    });
  }
  return { profile: profile.key, label: profile.label, runs: results.map(({ resources, ...r }) => ({ ...r, resources })), summary };
}

async function measureTaps(browser, url, profile, runs, app) {
  console.log(`\n-- as a reader meets it, ${profile.key}: a tap on the first figure every ${TAP_EVERY_MS} ms `
    + `from the moment it is on the page (scrolled into view), until the lightbox opens\n${conditionsLine()}`);
  const results = [];
  for (let i = 1; i <= runs; i++) {
    const r = await tapUntilOpen(browser, url, profile);
    r.bytes = r.open === null ? null : bytesBy(r.resources, { until: r.open });
    r.lightboxChunks = span(r.resources, featureFiles(app, 'lightbox'));
    results.push(r);
    console.log(`run ${i}: figure on screen ${ms(r.onScreen)} ms, ${r.taps} taps (${r.clicks} clicks reached the page); `
      + `take-over ${ms(r.takenOver)} ms; first tap the app took ${ms(r.firstAnswered)} ms; lightbox painted open ${ms(r.open)} ms after `
      + `${kb(r.bytes?.code)} KB (lightbox chunks asked ${ms(r.lightboxChunks.asked)}, in ${ms(r.lightboxChunks.in)})`);
  }
  const s = (f) => summarize(results.map(f));
  const summary = {
    onScreen: s((r) => r.onScreen), takenOver: s((r) => r.takenOver), firstAnswered: s((r) => r.firstAnswered), open: s((r) => r.open),
    waitedForCode: s((r) => (r.open !== null && r.firstAnswered !== null ? r.open - r.firstAnswered : null)),
    bytes: s((r) => r.bytes?.code),
  };
  console.log();
  printTable(['ms since navigation', 'median', 'min', 'max'], [
    summaryRow('figure on the page', summary.onScreen),
    summaryRow('take-over', summary.takenOver),
    summaryRow('first tap the app took', summary.firstAnswered),
    summaryRow('lightbox painted open', summary.open),
    summaryRow('  of which waiting for its code', summary.waitedForCode),
  ]);
  console.log(`bytes by the time it opened (code, styles, data): ${spread(summary.bytes, kb)} KB`);
  return { runs: results, summary };
}

export async function run({ runs = DEFAULT_RUNS } = {}) {
  const app = appFiles();
  const article = featuredArticle();
  return withServer(dist, (base) => withBrowser(async (browser) => {
    console.log(`${base} (dist/index.html: "${article.slug}" pre-rendered), served with ${HOSTS.precompressed}; `
      + `Chromium ${browser.version()}; ${runs} cold loads per profile, each in a fresh context`);
    const phone = await measureProfile(browser, base, PROFILES.phone, runs, app);
    const desktop = await measureProfile(browser, base, PROFILES.desktop, runs, app);
    const taps = await measureTaps(browser, base, PROFILES.phone, runs, app);
    const targets = [
      target('Pre-rendered page: bytes before interactive, phone (html+css+js+wasm+data)', {
        goal: `<= ${kb(BYTES_GOAL)} KB`, value: `${spread(phone.summary.bytes, kb)} KB`, met: atMost(phone.summary.bytes.median, BYTES_GOAL),
      }),
      target('Pre-rendered page: bytes before interactive, desktop', {
        goal: `<= ${kb(BYTES_GOAL)} KB`, value: `${spread(desktop.summary.bytes, kb)} KB`, met: atMost(desktop.summary.bytes.median, BYTES_GOAL),
      }),
      target('Pre-rendered page: interactive, phone (checked by click and typing)', {
        goal: `<= ${TIME_GOAL_MS} ms`, value: `${spread(phone.summary.interactive)} ms`, met: atMost(phone.summary.interactive.median, TIME_GOAL_MS),
      }),
      target('Pre-rendered page: interactive, desktop', {
        goal: '(printed)', value: `${spread(desktop.summary.interactive)} ms`,
      }),
      target('Reader, phone: tap every 100 ms until the lightbox opens', {
        goal: `<= ${TIME_GOAL_MS} ms`, value: `${spread(taps.summary.open)} ms`, met: atMost(taps.summary.open.median, TIME_GOAL_MS),
      }),
      target('Reader, phone: bytes fetched by then', {
        goal: `<= ${kb(BYTES_GOAL)} KB`, value: `${spread(taps.summary.bytes, kb)} KB`, met: atMost(taps.summary.bytes.median, BYTES_GOAL),
      }),
    ];
    return { page: base, article: article.slug, browser: browser.version(), phone, desktop, taps, targets };
  }), { mode: 'precompressed' });
}

