// The embeddable widget as a guest on a hostile host page: two widgets, the host's CSS, links,
// fragment and history; removal and late insertion; the lightbox and comments inside; axe-core.
const { test, expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { readFileSync } = require('node:fs');

const nica = JSON.parse(readFileSync('dist/articles/nica-agreement.json', 'utf8'));
const east = JSON.parse(readFileSync('dist/articles/east-tokamak.json', 'utf8'));

function watch(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

async function openHost(page, hash = '') {
  await page.goto(`/host.html${hash}`);
  await expect(page.locator('#w1 article.article h1')).toHaveText(nica.title);
  await expect(page.locator('#w2 article.article h1')).toHaveText(east.title);
}

test('two widgets render on a hostile host page and look as designed', async ({ page }) => {
  const problems = watch(page);
  await openHost(page);
  const style = (selector, property) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);
  for (const id of ['#w1', '#w2']) {
    expect(await style(`${id} h1`, 'color')).not.toBe('rgb(255, 0, 0)');
    expect(await style(`${id} h1`, 'fontFamily')).not.toBe('serif');
    const titleSize = parseFloat(await style(`${id} h1`, 'fontSize'));
    expect(titleSize).toBeGreaterThan(20);
    expect(titleSize).toBeLessThan(40);
    expect(parseFloat(await style(`${id} .article-body p`, 'fontSize'))).toBeLessThan(24);
    expect(await style(`${id} figure img`, 'display')).toBe('block');
  }
  // The host's own page is still styled by the host (our CSS does not leak out).
  expect(await style('body > h1', 'color')).toBe('rgb(255, 0, 0)');
  // Themes: the second widget is dark and takes the host's accent colour.
  expect(await style('#w2 .broadsheet', 'backgroundColor')).toBe('rgb(20, 20, 20)');
  expect(await style('#w2 .article-label', 'color')).toBe('rgb(102, 204, 102)');
  // Images resolve against the article file, not the host page, and load.
  const img = page.locator('#w1 figure img').first();
  await expect(img).toHaveAttribute('src', /^http:\/\/127\.0\.0\.1:\d+\/images\/nica-ceremony-960\.[0-9a-f]{10}\.webp$/);
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  // A guest: no title change, no <head> writes, no router.
  await expect(page).toHaveTitle('A host page');
  expect(await page.evaluate(() => document.head.querySelectorAll('title, meta, style').length)).toBe(2);
  expect(problems).toEqual([]);
});

test('the host keeps its links, fragment and history', async ({ page }) => {
  await openHost(page);
  await page.locator('#host-link').click();
  await expect(page).toHaveURL(/host\.html#host-section$/);
  await page.locator('#host-push').click();
  await expect(page).toHaveURL(/host\.html\?tab=2$/);
  await page.goBack();
  await expect(page).toHaveURL(/host\.html#host-section$/);
  // Both widgets are untouched by the host's navigation.
  await expect(page.locator('#w1 article.article h1')).toHaveText(nica.title);
  await expect(page.locator('#w1 dialog')).not.toBeVisible();
  await page.locator('#host-page-link').click();
  await expect(page).toHaveURL(/host\.html\?page=2$/);
  await expect(page.locator('#w2 article.article h1')).toHaveText(east.title);
});

test('the lightbox works inside a widget, with its own deep link, and gives the host its fragment back', async ({ page }) => {
  await openHost(page, '#host-section');
  await page.locator('#w1 figure button').first().click();
  await expect(page.locator('#w1 dialog')).toBeVisible();
  await expect(page.locator('#w1 .lightbox-counter')).toHaveText(`1 / ${2 + nica.gallery.length}`);
  await expect(page).toHaveURL(/#nica-agreement-image-1$/);
  await expect(page.locator('#w2 dialog')).not.toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#nica-agreement-image-2$/);
  const scrolled = await page.evaluate(() => scrollY);
  await page.keyboard.press('Escape');
  await expect(page.locator('#w1 dialog')).not.toBeVisible();
  await expect(page).toHaveURL(/host\.html#host-section$/);
  await expect(page.locator('#w1 figure button').first()).toBeFocused();
  // The reader stays where they were, though the host's fragment is back in the address.
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);

  // A deep link opens only the widget it names.
  await openHost(page, '#east-tokamak-image-1');
  await expect(page.locator('#w2 dialog')).toBeVisible();
  await expect(page.locator('#w1 dialog')).not.toBeVisible();
});

test('removing a widget unmounts it; a widget added later mounts', async ({ page }) => {
  const problems = watch(page);
  await openHost(page);
  const removed = await page.evaluate(() => {
    const w2 = document.getElementById('w2');
    const root = w2.shadowRoot.querySelector('.broadsheet');
    w2.remove();
    return { left: root.childElementCount };
  });
  expect(removed.left).toBe(0);
  // Its listeners are gone: a fragment it used to answer to does nothing, and nothing throws.
  await page.evaluate(() => { location.hash = 'east-tokamak-image-1'; });
  await page.waitForTimeout(200);
  await page.evaluate(() => {
    const late = document.createElement('broadsheet-article');
    late.id = 'w3';
    late.setAttribute('src', 'articles/proton-therapy-center.json');
    document.body.append(late);
  });
  const proton = JSON.parse(readFileSync('dist/articles/proton-therapy-center.json', 'utf8'));
  await expect(page.locator('#w3 article.article h1')).toHaveText(proton.title);
  // Changing src re-mounts with the other article.
  await page.evaluate(() => document.getElementById('w3').setAttribute('src', 'articles/east-tokamak.json'));
  await expect(page.locator('#w3 article.article h1')).toHaveText(east.title);
  expect(problems).toEqual([]);
});

test('comments work inside a widget (local store)', async ({ page }) => {
  await openHost(page);
  const w1 = page.locator('#w1');
  await expect(w1.locator('section.comments article.comment').first()).toBeVisible();
  await w1.getByLabel('Comment', { exact: true }).fill('Posted from a widget');
  await w1.getByRole('button', { name: 'Post comment' }).click();
  await expect(w1.locator('section.comments')).toContainText('Posted from a widget');
  await expect(page.locator('#w2 section.comments')).toHaveCount(0); // comments="off"
});

test('axe-core finds no violations in the widget', async ({ page }) => {
  await openHost(page);
  const results = await new AxeBuilder({ page }).include('#w1').include('#w2').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
