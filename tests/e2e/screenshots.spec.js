// What a reader sees, compared picture by picture with the references in tests/e2e/screenshots/:
// the featured article (its top, a figure, the gallery, the lightbox open), the comments (a reply
// form open, a field error), the not-found page and the widget on the hostile host page, at 320,
// 768 and 1280 px, light and dark. A missing or different picture fails; `make screenshots`
// writes new references on purpose (README, "Screenshot tests"). Each state is photographed only
// once the app has taken the page over and the pictures in view are decoded, with the clock frozen,
// so nothing in a picture depends on when or how fast it was taken.
const { test, expect } = require('@playwright/test');
const { readdirSync } = require('node:fs');
const path = require('node:path');
const { takenOver } = require('./pages');

const sizes = [
  { width: 320, height: 640 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];
const schemes = ['light', 'dark'];
// Every state photographed, at every size in both schemes: <state>-<width>-<scheme>.png.
const states = [
  'article-top', 'article-figure', 'gallery', 'lightbox', 'comments-reply', 'comments-error',
  'not-found', 'widget-host', 'widget-dark',
];
const references = path.join(__dirname, 'screenshots');
// Comments younger than 30 days say "3 days ago": the clock stands still at this instant.
const NOW = new Date('2025-06-02T09:30:00Z');

// Each test opens its own page, so they can share the workers with the other specs.
test.describe.configure({ mode: 'parallel' });

/** Waits until every picture inside `scope` (the whole page when omitted) that takes up room is
 * loaded and decoded. Lazy ones load as a reader scrolls to them: they are asked for at once. */
async function picturesReady(page, scope = page.locator('body')) {
  const images = scope.locator('img');
  await images.evaluateAll((all) => all.forEach((img) => { img.loading = 'eager'; }));
  await expect.poll(() => images.evaluateAll((all) => all
    .filter((img) => img.getClientRects().length > 0)
    .every((img) => img.complete && img.naturalWidth > 0)), { timeout: 15_000 }).toBe(true);
  await images.evaluateAll((all) => Promise.all(all.map((img) => img.decode().catch(() => {}))));
}

/** The page from `locator`'s top to its bottom (at most `maxHeight`), `margin` px around it so that
 * focus rings and shadows show, as a clip for a full-page screenshot. */
async function around(page, locator, { margin = 16, maxHeight = Infinity } = {}) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height, pageWidth: document.documentElement.scrollWidth };
  });
  const x = Math.max(0, Math.floor(box.x - margin));
  const y = Math.max(0, Math.floor(box.y - margin));
  const right = Math.min(box.pageWidth, Math.ceil(box.x + box.width + margin));
  const height = Math.min(maxHeight, Math.ceil(box.y + box.height + margin) - y);
  return { x, y, width: right - x, height };
}

/** A full-page picture of the region around `locator`, once its pictures are ready. */
async function expectRegion(page, locator, name, options) {
  await locator.scrollIntoViewIfNeeded();
  await picturesReady(page, locator);
  await page.mouse.move(0, 0);
  await expect(page).toHaveScreenshot(name, { fullPage: true, clip: await around(page, locator, options) });
}

test('every reference picture is a state photographed here (a state renamed or dropped leaves none behind)', () => {
  const expected = states.flatMap((state) => sizes.flatMap(({ width }) => schemes.map((scheme) => `${state}-${width}-${scheme}.png`)));
  const strays = readdirSync(references).filter((name) => !expected.includes(name));
  expect(strays, `not taken by ${path.basename(__filename)}: delete them`).toEqual([]);
});

for (const viewport of sizes) {
  for (const colorScheme of schemes) {
    test.describe(`${viewport.width} px, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });
      const shot = (state) => {
        if (!states.includes(state)) throw new Error(`${state} is not in the list of states`);
        return `${state}-${viewport.width}-${colorScheme}.png`;
      };

      test.beforeEach(async ({ page }) => {
        await page.clock.setFixedTime(NOW);
      });

      test('the featured article: its top, a figure, the gallery, the lightbox', async ({ page }) => {
        await page.goto('/');
        await takenOver(page);
        await picturesReady(page);
        await expect(page).toHaveScreenshot(shot('article-top'));

        await expectRegion(page, page.locator('main .article-body figure').first(), shot('article-figure'));
        // A keyboard reader on the second thumbnail: its focus ring shows.
        const thumbs = page.locator('main .gallery-grid a');
        await thumbs.first().focus();
        await page.keyboard.press('Tab');
        await expect(thumbs.nth(1)).toBeFocused();
        await expectRegion(page, page.locator('main .gallery'), shot('gallery'));

        // ... who opens it with Enter.
        await page.keyboard.press('Enter');
        await expect(page.locator('.lightbox-slot')).toHaveAttribute('data-state', 'ready');
        await expect(page.locator('dialog.lightbox .lightbox-image.is-loaded')).toBeVisible();
        await picturesReady(page, page.locator('dialog.lightbox'));
        await expect(page).toHaveScreenshot(shot('lightbox'));
      });

      test('the comments: a reply form open, then a field error', async ({ page }) => {
        await page.goto('/');
        await takenOver(page);
        const comments = page.locator('main .comments-holder section.comments');
        await comments.locator('article.comment').first().locator('> .comment-actions').getByRole('button', { name: 'Reply', exact: true }).click();
        const reply = comments.locator('form.comment-form', { hasText: 'Reply to' });
        await expect(reply.getByLabel('Comment', { exact: true })).toBeFocused();
        await expectRegion(page, comments, shot('comments-reply'));

        // A comment too short and an email that is not one: both fields say so, the first has the focus.
        const form = comments.locator('form.comment-form').last();
        await form.getByLabel('Comment', { exact: true }).fill('Hi');
        await form.getByLabel(/^Email/).fill('reader-at-example.org');
        await form.getByRole('button', { name: 'Post comment' }).click();
        await expect(form.locator('.field-error')).toHaveCount(2);
        await expectRegion(page, form, shot('comments-error'));
      });

      test('the not-found page', async ({ page }) => {
        await page.goto('/posts/no-such-article');
        await expect(page.locator('.not-found h1')).toBeVisible();
        await picturesReady(page);
        await expect(page).toHaveScreenshot(shot('not-found'));
      });

      test('the widget on the hostile host page', async ({ page }) => {
        await page.goto('/host.html');
        await expect(page.locator('#w1 article.article h1')).toBeVisible();
        await expect(page.locator('#w2 article.article h1')).toBeVisible();
        await picturesReady(page);
        await expect(page).toHaveScreenshot(shot('widget-host'));
        // The second widget: forced dark, the host's accent colour.
        await expectRegion(page, page.locator('#w2'), shot('widget-dark'), { maxHeight: viewport.height });
      });
    });
  }
}
