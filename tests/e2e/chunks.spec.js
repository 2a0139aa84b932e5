// The app's WebAssembly comes in parts (src/chunks.rs, split by scripts/build_wasm.sh): a main
// module, and one part per thing a reader does (the lightbox, the comments, the SPA, the widget).
// Each way of reading fetches only the parts it needs, when it needs them; a part that cannot be
// fetched says so where the reader is, and "Try again" gets it.
const { test, expect } = require('@playwright/test');
const { readFileSync } = require('node:fs');

const featured = JSON.parse(readFileSync('dist/articles/nica-agreement.json', 'utf8'));

const PART = /\/broadsheet-(split_[a-z]+)-[0-9a-f]+\.wasm$/;
const LIGHTBOX_PART = /\/broadsheet-split_lightbox-[0-9a-f]+\.wasm$/;
const COMMENTS_PART = /\/broadsheet-split_comments-[0-9a-f]+\.wasm$/;

/** The names of the parts the page asks for (split_lightbox, ...), as it asks. */
function partsFetched(page) {
  const seen = new Set();
  page.on('request', (request) => {
    const part = new URL(request.url()).pathname.match(PART);
    if (part) seen.add(part[1]);
  });
  return seen;
}

/** The browser is never idle: parts come only when a reader needs them. */
async function neverIdle(page) {
  await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
}

const lightboxSlot = (page) => page.locator('main .lightbox-slot');
const liveComments = (page) => page.locator('main .comments-holder section.comments');

test.describe('each way of reading fetches its own parts', () => {
  test('a pre-rendered article: the lightbox and the comments, never the SPA or the widget', async ({ page }) => {
    const seen = partsFetched(page);
    await page.goto('/');
    await page.locator('main[data-enhanced]').waitFor();
    // Idle time brings both parts of the article.
    await expect(lightboxSlot(page)).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    await expect(liveComments(page)).toBeVisible({ timeout: 10_000 });
    expect([...seen].sort()).toEqual(['split_comments', 'split_lightbox']);
  });

  test('an address the SPA renders: the SPA part only', async ({ page }) => {
    const seen = partsFetched(page);
    await page.goto('/posts/no-such-article');
    await expect(page.getByRole('heading', { name: 'Article not found' })).toBeVisible();
    await page.waitForTimeout(500);
    expect([...seen]).toEqual(['split_spa']);
  });

  test('an address the SPA renders asks for its data files beside the SPA part, not after it, once each', async ({ page }) => {
    const events = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.json')) events.push(`asked ${new URL(r.url()).pathname}`); });
    page.on('requestfinished', (r) => { if (/\/broadsheet-split_spa-[0-9a-f]+\.wasm$/.test(r.url())) events.push('SPA part in'); });
    await page.goto('/posts/no-such-article');
    await expect(page.getByRole('heading', { name: 'Article not found' })).toBeVisible();
    expect(events).toEqual(expect.arrayContaining(['asked /articles/index.json', 'asked /articles/no-such-article.json']));
    expect(events.filter((e) => e.startsWith('asked')).sort()).toEqual(['asked /articles/index.json', 'asked /articles/no-such-article.json']);
    expect(events.indexOf('asked /articles/no-such-article.json')).toBeLessThan(events.indexOf('SPA part in'));
  });

  test('a widget on a host page: the widget part, then its article\'s, never the SPA', async ({ page }) => {
    const seen = partsFetched(page);
    await page.goto('/host.html');
    await expect(page.locator('#w1 article.article h1')).toBeVisible();
    await expect(page.locator('#w1 .lightbox-slot')).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    expect(seen.has('split_widget')).toBe(true);
    expect(seen.has('split_lightbox')).toBe(true);
    expect(seen.has('split_spa')).toBe(false);
  });
});

test.describe('a part is fetched when a reader needs it, not before', () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test('pointing at a picture fetches the lightbox; nearing the comments fetches them', async ({ page }) => {
    await neverIdle(page);
    const seen = partsFetched(page);
    await page.goto('/');
    await page.locator('main[data-enhanced]').waitFor();
    await page.waitForTimeout(1000);
    expect([...seen]).toEqual([]);
    await expect(lightboxSlot(page)).toHaveAttribute('data-state', 'idle');

    await page.locator('article.article figure button').first().hover();
    await expect(lightboxSlot(page)).toHaveAttribute('data-state', 'ready');
    expect([...seen]).toEqual(['split_lightbox']);

    await page.locator('main section.comments').scrollIntoViewIfNeeded();
    await expect(liveComments(page)).toBeVisible();
    expect([...seen].sort()).toEqual(['split_comments', 'split_lightbox']);
  });
});

test.describe('a part that cannot be fetched', () => {
  test('the lightbox: the reader who opened a picture is told, and Try again opens it', async ({ page }) => {
    await neverIdle(page);
    // The first fetch of the lightbox fails once the reader has clicked (offline for a moment).
    let clicked;
    const click = new Promise((resolve) => { clicked = resolve; });
    let failures = 0;
    await page.route(LIGHTBOX_PART, async (route) => {
      if (failures++ > 0) return route.continue();
      await click;
      await route.abort('internetdisconnected');
    });
    await page.goto('/');
    await page.locator('main[data-enhanced]').waitFor();

    const figure = page.locator('article.article figure button').first();
    await figure.click();
    clicked();
    const notice = page.locator('.lightbox-slot .chunk-failed');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('paragraph')).toHaveText(/could not be loaded/);
    await expect(lightboxSlot(page)).toHaveAttribute('data-state', 'failed');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    // Shown where the reader is, not at the article's end.
    const box = await notice.boundingBox();
    const viewport = page.viewportSize();
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(page.url()).not.toContain('#image-');

    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.locator('.lightbox-counter')).toHaveText(`1 / ${2 + featured.gallery.length}`);
    await expect(notice).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(figure).toBeFocused();
    expect(failures).toBe(2);
  });

  test('the lightbox: the notice can be put away, and a thumbnail is then the link to its picture', async ({ page }) => {
    await neverIdle(page);
    let clicked;
    const click = new Promise((resolve) => { clicked = resolve; });
    await page.route(LIGHTBOX_PART, async (route) => { await click; await route.abort('internetdisconnected'); });
    await page.goto('/');
    await page.locator('main[data-enhanced]').waitFor();
    const thumbnail = page.locator('.gallery-grid a').first();
    await thumbnail.click();
    clicked();
    const notice = page.locator('.lightbox-slot .chunk-failed');
    await notice.getByRole('button', { name: 'Close' }).click();
    await expect(notice).toHaveCount(0);
    // Still unavailable: the thumbnail is the plain link to the picture it always was.
    const href = await thumbnail.getAttribute('href');
    await thumbnail.click();
    await expect(page).toHaveURL(new URL(href, page.url()).href);
  });

  test('the comments: the static thread stays, with a notice, and Try again makes it live', async ({ page }) => {
    await neverIdle(page);
    let failures = 0;
    await page.route(COMMENTS_PART, (route) => (failures++ > 0 ? route.continue() : route.abort('internetdisconnected')));
    await page.goto('/');
    await page.locator('main[data-enhanced]').waitFor();
    const section = page.locator('main section.comments');
    await section.scrollIntoViewIfNeeded();
    const notice = section.locator('.chunk-failed');
    await expect(notice).toBeVisible();
    await expect(section.locator('article.comment').first()).toBeVisible();
    await expect(liveComments(page)).toHaveCount(0);

    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(liveComments(page)).toBeVisible();
    await expect(liveComments(page).getByRole('button', { name: 'Post comment' })).toBeEnabled();
    expect(failures).toBe(2);
  });
});
