// When an article rendered from its JSON shows its headline: the SPA's page, or a widget's shadow
// root (attachShadow is watched from the start, so no polling steals the page's time). "Painted"
// is two animation frames after `article.article h1` with text enters the DOM: the first frame
// callback runs just before the frame that holds it is painted, the second after that paint.

import { LOAD_TIMEOUT_MS } from './browser.mjs';

/** Runs in the page before its own scripts (addInitScript). */
export function h1Probe() {
  const probe = { present: null, painted: null };
  window.__h1 = probe;
  const roots = [document];
  const seen = () => {
    if (probe.present !== null) return;
    const h1 = roots.map((r) => r.querySelector('article.article h1')).find((el) => el && el.textContent.trim());
    if (!h1) return;
    probe.present = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { probe.painted = performance.now(); }));
  };
  const observe = (root) => new MutationObserver(seen).observe(root, { childList: true, subtree: true, characterData: true });
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const shadow = attach.call(this, init);
    roots.push(shadow);
    observe(shadow);
    return shadow;
  };
}

/** Navigates and waits for the headline to be painted; the probe's figures. */
export async function loadUntilH1(page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  await page.waitForFunction(() => window.__h1.painted !== null, null, { timeout: LOAD_TIMEOUT_MS });
  return page.evaluate(() => ({ ...window.__h1, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null }));
}
