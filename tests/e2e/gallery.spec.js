// The gallery and its lightbox end to end: mouse, keyboard, touch, history, deep links, faults,
// a 500-image gallery, and axe-core with the lightbox closed and open.
const { test, expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { readFileSync } = require('node:fs');
const { takenOver } = require('./pages');

const featured = JSON.parse(readFileSync('dist/articles/nica-agreement.json', 'utf8'));
const figureCount = featured.body.filter((b) => b.type === 'figure').length;
const TOTAL = figureCount + featured.gallery.length;

const dialog = (page) => page.locator('dialog.lightbox');
const counter = (page) => page.locator('.lightbox-counter');
const isOpen = (page) => dialog(page).evaluate((d) => d.open);

async function openFeatured(page, hash = '') {
  await page.goto(`/${hash}`);
  await expect(page.locator('article h1')).toBeVisible();
  await takenOver(page);
}

test('the featured article has a real gallery of thumbnails', async ({ page }) => {
  expect(featured.gallery.length).toBeGreaterThanOrEqual(6);
  await openFeatured(page);
  const thumbs = page.locator('.gallery-grid a');
  await expect(thumbs).toHaveCount(featured.gallery.length);
  await expect(thumbs.first()).toHaveAccessibleName(`Open image ${figureCount + 1} of ${TOTAL}: ${featured.gallery[0].alt}`);
  const img = thumbs.first().locator('img');
  for (const attribute of ['width', 'height', 'srcset', 'sizes']) expect(await img.getAttribute(attribute)).toBeTruthy();
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(page.locator('figure button').first()).toHaveAccessibleName(new RegExp(`^Open image 1 of ${TOTAL}: `));
});

test('click opens a modal dialog at that image, labelled by its caption, focus inside', async ({ page }) => {
  await openFeatured(page);
  await page.locator('.gallery-grid a').nth(1).click();
  await expect(dialog(page)).toBeVisible();
  expect(await isOpen(page)).toBe(true);
  await expect(dialog(page)).toHaveAttribute('aria-modal', 'true');
  await expect(page.getByRole('dialog')).toHaveAccessibleName(new RegExp(escape(plain(featured.gallery[1].caption))));
  await expect(counter(page)).toHaveText(`${figureCount + 2} / ${TOTAL}`);
  await expect(page).toHaveURL(new RegExp(`#image-${figureCount + 2}$`));
  expect(await page.evaluate(() => document.querySelector('dialog').contains(document.activeElement))).toBe(true);
  // The page behind is inert: its links cannot take focus.
  expect(await page.evaluate(() => {
    const link = document.querySelector('.masthead-name');
    link.focus();
    return document.activeElement === link;
  })).toBe(false);
  for (const name of ['Previous image', 'Next image', 'Close']) await expect(page.getByRole('button', { name })).toBeVisible();
  await expect(page.locator('.lightbox-caption')).toContainText(featured.gallery[1].credit);
});

test('keyboard: Enter and Space open; arrows, Home, End move and wrap; Escape closes and focus returns', async ({ page }) => {
  await openFeatured(page);
  const thumb = page.locator('.gallery-grid a').first();
  await thumb.focus();
  await page.keyboard.press('Enter');
  await expect(counter(page)).toHaveText(`${figureCount + 1} / ${TOTAL}`);
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText(`${figureCount + 2} / ${TOTAL}`);
  await expect(page).toHaveURL(new RegExp(`#image-${figureCount + 2}$`));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(counter(page)).toHaveText(`${figureCount} / ${TOTAL}`);
  await page.keyboard.press('End');
  await expect(counter(page)).toHaveText(`${TOTAL} / ${TOTAL}`);
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText(`1 / ${TOTAL}`); // wraps
  await page.keyboard.press('Home');
  await expect(counter(page)).toHaveText(`1 / ${TOTAL}`);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(thumb).toBeFocused();
  await expect(page).toHaveURL(/\/$/);

  await page.keyboard.press('Space');
  await expect(counter(page)).toHaveText(`${figureCount + 1} / ${TOTAL}`);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(thumb).toBeFocused();
});

test('a body figure opens the lightbox at its own place', async ({ page }) => {
  await openFeatured(page);
  await page.locator('figure button').nth(1).click();
  await expect(counter(page)).toHaveText(`2 / ${TOTAL}`);
  await page.getByRole('button', { name: 'Next image' }).click();
  await expect(counter(page)).toHaveText(`3 / ${TOTAL}`);
  await page.getByRole('button', { name: 'Previous image' }).click();
  await expect(counter(page)).toHaveText(`2 / ${TOTAL}`);
});

test('the Back button closes the lightbox and leaves the reader on the article', async ({ page }) => {
  await openFeatured(page);
  await page.locator('.gallery-grid a').nth(2).click();
  await page.keyboard.press('ArrowRight'); // moving adds no history entries
  await expect(page).toHaveURL(new RegExp(`#image-${figureCount + 4}$`));
  await page.goBack();
  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('article h1')).toBeVisible();
  await page.goForward();
  await expect(counter(page)).toHaveText(`${figureCount + 4} / ${TOTAL}`);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/$/);
});

test('a deep link opens the lightbox at that image; closing it keeps the reader on the article', async ({ page }) => {
  await openFeatured(page, '#image-3');
  await expect(counter(page)).toHaveText(`3 / ${TOTAL}`);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('article h1')).toBeVisible();
  // Deep links that point nowhere open nothing.
  for (const hash of ['#image-0', `#image-${TOTAL + 1}`, '#image-x']) {
    await openFeatured(page, hash);
    await page.waitForTimeout(100);
    expect(await isOpen(page)).toBe(false);
  }
});

test('neighbours are preloaded, and a swipe and a double-tap work on touch', async ({ page }) => {
  await openFeatured(page);
  await page.locator('figure button').first().click();
  const next = featured.body.filter((b) => b.type === 'figure')[1];
  const nextFiles = [next.src, ...next.srcset.map((s) => s.src)].map((s) => s.split('/').pop());
  await expect.poll(() => page.evaluate((files) =>
    performance.getEntriesByType('resource').some((e) => files.some((f) => e.name.endsWith(f))), nextFiles)).toBe(true);

  const stage = page.locator('.lightbox-stage');
  const box = await stage.boundingBox();
  const y = box.y + box.height / 2;
  const touch = async (type, x, id = 1) => stage.dispatchEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, bubbles: true });
  await touch('pointerdown', box.x + box.width * 0.8);
  await touch('pointermove', box.x + box.width * 0.5);
  await touch('pointerup', box.x + box.width * 0.2);
  await expect(counter(page)).toHaveText(`2 / ${TOTAL}`);
  await touch('pointerdown', box.x + 100);
  await touch('pointerup', box.x + box.width * 0.6);
  await expect(counter(page)).toHaveText(`1 / ${TOTAL}`);

  const image = page.locator('.lightbox-image');
  await image.dblclick();
  await expect(image).toHaveCSS('transform', /matrix\(2, 0, 0, 2/);
  // Pinch out with two fingers.
  await image.dblclick();
  await expect(image).toHaveCSS('transform', /matrix\(1, 0, 0, 1|none/);
  const cx = box.x + box.width / 2;
  await touch('pointerdown', cx - 50, 1);
  await touch('pointerdown', cx + 50, 2);
  await touch('pointermove', cx + 250, 2);
  await expect(image).toHaveCSS('transform', /matrix\(3, 0, 0, 3/);
  await touch('pointerup', cx + 250, 2);
  await touch('pointerup', cx - 50, 1);
  await expect(counter(page)).toHaveText(`1 / ${TOTAL}`);
});

test('a broken image says so, and navigation still works; no alt and no size still render', async ({ page }) => {
  await page.goto('/posts/broken-images');
  await page.locator('.gallery-grid a').nth(1).click();
  await expect(page.locator('.lightbox-failed')).toHaveText('This image could not be loaded');
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText('3 / 3');
  await expect(page.locator('.lightbox-failed')).toHaveCount(0);
  await expect(page.locator('.lightbox-image')).toHaveAttribute('alt', 'Image 3');
  await page.keyboard.press('Escape');
  await expect(page.locator('.gallery-grid a').nth(2)).toHaveAccessibleName('Open image 3 of 3: Image 3');
});

test('a gallery of 500 images stays light: only visible thumbnails load', async ({ page }) => {
  const requested = new Set();
  page.on('request', (r) => r.resourceType() === 'image' && requested.add(r.url()));
  await page.goto('/posts/big-gallery');
  await expect(page.locator('.gallery-grid a')).toHaveCount(500);
  await page.waitForTimeout(500);
  const images = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'img').length);
  console.log(`500-image gallery: ${images} image requests at first paint`);
  expect(images).toBeLessThan(60);
  await page.locator('.gallery-grid a').first().click();
  await page.keyboard.press('End');
  await expect(counter(page)).toHaveText('500 / 500');
  const started = Date.now();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
  await expect(counter(page)).toHaveText('480 / 500');
  console.log(`20 moves in the 500-image gallery: ${Date.now() - started} ms`);
});

test('axe-core finds no violations, with the lightbox closed and open', async ({ page }) => {
  await openFeatured(page);
  const closed = await new AxeBuilder({ page }).analyze();
  expect(closed.violations.map(summary)).toEqual([]);
  await page.locator('.gallery-grid a').first().click();
  await expect(page.locator('.lightbox-image.is-loaded')).toBeVisible();
  // Checked as the reader sees it once open: mid fade-in, its text is still faint.
  await page.locator('dialog.lightbox').evaluate((dialog) => Promise.all(dialog.getAnimations({ subtree: true })
    .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished)));
  const open = await new AxeBuilder({ page }).analyze();
  expect(open.violations.map(summary)).toEqual([]);
});

function summary(violation) {
  return `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`;
}
function plain(markdown) {
  return markdown.replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
