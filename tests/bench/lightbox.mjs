// The lightbox's next image: ArrowRight in the open lightbox until the next picture is shown,
// decoded and painted, on the pre-rendered page once the app has taken it over. The lightbox
// loads its neighbours ahead (preload), so a reader who looks at each picture for a moment should
// get the next one at once. Desktop (the target), and the phone profile with a longer look at
// each picture (its network needs longer to fetch the neighbours).
//
// Each press is timed inside the page (no CDP round trip): t0 just before the keydown, t1 two
// animation frames after the counter reads the next number and the stage holds the new image,
// decoded and loaded. A press that had to go to the network says so.

import { PROFILES, LOAD_TIMEOUT_MS, withBrowser, withProfilePage } from './lib/browser.mjs';
import { conditionsLine } from './lib/machine.mjs';
import { HOSTS, withServer } from './lib/server.mjs';
import { dist } from './lib/site.mjs';
import { fixed, spread, summarize, summaryRow } from './lib/stats.mjs';
import { printTable } from './lib/table.mjs';
import { atMost, target } from './lib/targets.mjs';

export const key = 'lightbox';
export const heading = 'Lightbox: ArrowRight to the next (preloaded) image painted';
export const aliases = ['lightboxNext'];

const GOAL_MS = 100;
const IDLE_MS = 500;
// [profile, presses, ms between presses (a reader looking at each picture)]
const CASES = [['desktop', 20, 300], ['phone', 10, 1500]];

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

async function measure(browser, base, [profileKey, presses, gapMs]) {
  const profile = PROFILES[profileKey];
  console.log(`\n-- ${profile.label}: ${presses} presses, ${gapMs} ms apart\n${conditionsLine()}`);
  return withProfilePage(browser, profile, [], async ({ page }) => {
    await page.goto(base, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForSelector('main[data-enhanced] .lightbox-slot[data-state="ready"]', { state: 'attached', timeout: LOAD_TIMEOUT_MS });
    const opener = page.locator('main article figure [data-image-index]').first();
    if (profile.context.hasTouch) await opener.tap({ timeout: LOAD_TIMEOUT_MS });
    else await opener.click({ timeout: LOAD_TIMEOUT_MS });
    const { counter } = await page.evaluate(lightboxSettled, { idleMs: IDLE_MS, timeoutMs: LOAD_TIMEOUT_MS });
    console.log(`opened at "${counter}"`);
    const results = [];
    for (let i = 1; i <= presses; i++) {
      const r = await page.evaluate(lightboxPressNext, { timeoutMs: 10_000 });
      results.push(r);
      console.log(`press ${String(i).padStart(2)}: ${r.counter.padStart(7)}  ${r.ms.toFixed(1).padStart(6)} ms  ${r.src}${r.fetched ? ' (fetched)' : ''}`);
      if (i < presses) await page.waitForTimeout(gapMs);
    }
    const summary = summarize(results.map((r) => r.ms));
    const fetched = results.filter((r) => r.fetched).length;
    console.log();
    printTable(['ms', 'median', 'min', 'max'], [summaryRow('next image painted', summary, fixed(1))]);
    console.log(`images fetched from the network on a press: ${fetched} of ${presses}`);
    return { profile: profileKey, gapMs, presses: results, summary, fetchedOnPress: fetched };
  });
}

export async function run() {
  return withServer(dist, (base) => withBrowser(async (browser) => {
    console.log(`${base} (dist/, ${HOSTS.precompressed}); Chromium ${browser.version()}`);
    const cases = [];
    for (const c of CASES) cases.push(await measure(browser, base, c));
    const targets = cases.map((c) => target(`Lightbox: next (preloaded) image painted, ${c.profile} (${c.gapMs} ms between presses)`, {
      goal: `<= ${GOAL_MS} ms`, value: `${spread(c.summary, fixed(1))} ms; ${c.fetchedOnPress} fetched on the press`,
      met: atMost(c.summary.median, GOAL_MS),
    }));
    return { cases, targets };
  }), { mode: 'precompressed' });
}
