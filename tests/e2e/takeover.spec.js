// A pre-rendered page before, during and without the app's take-over: nothing a reader types into
// its comment form is lost, the form never pretends it can post, and a page is only taken over at
// its own address (hosts that answer every unknown address with the featured article's index.html).
const { test, expect } = require('@playwright/test');
const { strictSites } = require('./servers');
const { takenOver } = require('./pages');

const comments = (page) => page.locator('main section.comments');
const commentBox = (page) => comments(page).getByLabel('Comment', { exact: true });
const nameBox = (page) => comments(page).getByLabel('Name');
const live = (page) => page.locator('main .comments-holder section.comments');

// The phone profile of the benchmark: 4x slower CPU, 150 ms round trips, 1.6 Mbps down.
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  return cdp;
}

test.describe('typing before the take-over', () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test('what a reader types before the app takes over is in the live form, with the caret, and survives a reload', async ({ page }) => {
    test.setTimeout(60_000);
    const cdp = await throttle(page);
    await page.goto('/', { waitUntil: 'commit' });
    await commentBox(page).waitFor();
    // The static form says it is getting ready and cannot post yet.
    await expect(comments(page).getByRole('button', { name: 'Post comment' })).toBeDisabled();
    await expect(comments(page).locator('[data-getting-ready]')).toBeVisible();
    expect(await live(page).count(), 'typed before the live section exists').toBe(0);
    await nameBox(page).pressSequentially('Early reader');
    await commentBox(page).pressSequentially('Typed before the app arrived');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await live(page).count(), 'still typing into the static form').toBe(0);

    await live(page).waitFor({ timeout: 45_000 });
    await expect(commentBox(page)).toHaveValue('Typed before the app arrived');
    await expect(nameBox(page)).toHaveValue('Early reader');
    await expect(comments(page).getByRole('button', { name: 'Post comment' })).toBeEnabled();
    const caret = await page.evaluate(() => {
      const field = document.activeElement;
      return { name: field?.getAttribute('name'), live: !!field?.closest('.comments-holder'), at: field?.selectionStart };
    });
    expect(caret).toEqual({ name: 'comment', live: true, at: 'Typed before the app arrived'.length - 2 });

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.reload();
    await takenOver(page);
    await expect(commentBox(page)).toHaveValue('Typed before the app arrived');
    await expect(nameBox(page)).toHaveValue('Early reader');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form says why it cannot post, and pressing the button drops nothing', async ({ page }) => {
    await page.goto('/');
    // (Playwright's text helpers skip <noscript>: read its markup.)
    expect(await comments(page).locator('noscript').innerHTML()).toContain('Comments need JavaScript');
    await expect(comments(page).locator('[data-getting-ready]')).toBeHidden();
    const post = comments(page).getByRole('button', { name: 'Post comment' });
    await expect(post).toBeDisabled();
    await commentBox(page).fill('Written without scripts');
    await nameBox(page).fill('No script');
    await nameBox(page).press('Enter');
    await post.click({ force: true });
    await expect(page).toHaveURL(/\/$/);
    await expect(commentBox(page)).toHaveValue('Written without scripts');
  });
});

test('when the app cannot be loaded, the page says so and keeps what was typed', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto('/');
  const unavailable = comments(page).locator('[data-unavailable]');
  await expect(unavailable).toBeVisible();
  await expect(unavailable).toContainText('could not be loaded');
  await expect(comments(page).locator('[data-getting-ready]')).toBeHidden();
  await commentBox(page).fill('Written while the app was blocked');
  await nameBox(page).press('Enter');
  await comments(page).getByRole('button', { name: 'Post comment' }).click({ force: true });
  await expect(page).toHaveURL(/\/$/);
  await expect(commentBox(page)).toHaveValue('Written while the app was blocked');
  // Once the app can load again, the text is in its form.
  await page.unroute('**/*.wasm');
  await page.reload();
  await takenOver(page);
  await expect(commentBox(page)).toHaveValue('Written while the app was blocked');
});

// The featured article is pre-rendered as index.html; broken-images was added after the build
// (no pre-rendered page): both kinds of host must show each address its own page.
const hosts = {
  '404.html, status 404': null,
  'index.html, status 200': `http://127.0.0.1:${strictSites.indexFallback.port}`,
};

for (const [style, base] of Object.entries(hosts)) {
  test.describe(`a host that answers unknown addresses with ${style}`, () => {
    if (base) test.use({ baseURL: base });

    test('an article added after the build shows itself, not the featured article', async ({ page }) => {
      await page.goto('/posts/broken-images');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Broken pictures');
      await expect(page.locator('h1')).toHaveCount(1);
    });

    test('an unknown article and an unknown address are not found', async ({ page }) => {
      await page.goto('/posts/no-such-article');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Article not found');
      await page.goto('/about/us?ref=x#top');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    });

    test('the featured article is taken over in place at its own addresses', async ({ page }) => {
      const featured = await (await page.request.get('/articles/index.json')).json();
      const slug = featured.articles.find((entry) => entry.featured).slug;
      for (const address of ['/', '/index.html', `/posts/${slug}`, `/posts/${slug}/`, `/posts/${slug}.html`, `/posts/${slug}/index.html?from=feed#comments`]) {
        await page.goto(address);
        const article = await page.locator('main article.article').elementHandle();
        await page.locator('main[data-enhanced]').waitFor();
        expect(await article.evaluate((node) => node.isConnected), `${address}: the same article element`).toBe(true);
      }
    });
  });
}
