// The featured-post page end to end, in Chromium, against the release build on a static server.
const { test, expect } = require('@playwright/test');
const { readFileSync } = require('node:fs');
const { takenOver } = require('./pages');

const seed = readFileSync('../shared/seed/featured-post.txt', 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const SEED_TITLE = seed[1];
const CAPTIONS = [
  'The opening ceremony of the China-Russia Year of Science and Technology Innovation',
  'The Institute of Plasma has established stable and good cooperative relations with Russian scientific research institutions',
];

/** Collects console errors and uncaught exceptions; a normal load has none. */
function watchConsole(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('the featured post: seed title as h1, label, date, byline, both captioned figures', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await takenOver(page);
  const h1 = page.locator('main article.article h1');
  await expect(h1).toHaveText(SEED_TITLE);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('article .article-label')).toHaveText('Featured post');
  await expect(page.locator('article.article .article-header time')).toHaveAttribute('datetime', /^2020-08-26T/);
  await expect(page.locator('article.article .article-header time')).toHaveText('August 26, 2020');
  await expect(page.locator('article .article-byline')).toContainText('By ');
  await expect(page).toHaveTitle(`${SEED_TITLE} — Broadsheet`);

  const figures = page.locator('article.article figure');
  await expect(figures).toHaveCount(2);
  for (const [i, caption] of CAPTIONS.entries()) {
    const figure = figures.nth(i);
    await expect(figure.locator('figcaption')).toContainText(caption);
    const img = figure.locator('img');
    for (const attribute of ['alt', 'width', 'height', 'srcset', 'sizes']) {
      expect(await img.getAttribute(attribute), attribute).toBeTruthy();
    }
  }
  // Every body image really loads, at its declared aspect ratio.
  await figures.nth(1).scrollIntoViewIfNeeded();
  await expect.poll(() => figures.locator('img').evaluateAll((imgs) => imgs.every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
  const ratios = await figures.locator('img').evaluateAll((imgs) =>
    imgs.map((i) => Math.abs(i.naturalWidth / i.naturalHeight - i.width / i.height)));
  for (const drift of ratios) expect(drift).toBeLessThan(0.02);

  // The body carries the seed's paragraphs.
  await expect(page.locator('article.article')).toContainText('On 26 August 2020, the opening ceremony');
  await expect(page.locator('article.article')).toContainText('exchanges of major BRICS infrastructure research facilities');
  expect(problems).toEqual([]);
});

test('navigation between posts, then back and forward', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await takenOver(page);
  await expect(page.locator('article h1')).toHaveText(SEED_TITLE);
  const links = page.locator('nav.more-articles a');
  await expect(links).toHaveCount(3); // not the Chinese version: the page links to it as a translation
  const otherTitle = await links.first().textContent();
  await links.first().click();
  // Pre-rendered posts are folders: static hosts may add the trailing slash.
  await expect(page).toHaveURL(/\/posts\/[a-z0-9-]+\/?$/);
  await expect(page.locator('article h1')).toHaveText(otherTitle);
  await expect(page).toHaveTitle(`${otherTitle} — Broadsheet`);
  // The list under it now offers the featured post.
  await expect(page.locator('nav.more-articles a', { hasText: SEED_TITLE })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('article h1')).toHaveText(SEED_TITLE);
  await page.goForward();
  await expect(page.locator('article h1')).toHaveText(otherTitle);

  await page.locator('.masthead-name').click();
  await expect(page.locator('article h1')).toHaveText(SEED_TITLE);
  expect(problems).toEqual([]);
});

test('a post loads directly by its address (the static host serves the 404.html fallback)', async ({ page }) => {
  const index = JSON.parse(readFileSync('dist/articles/index.json', 'utf8'));
  const entry = index.articles.find((e) => !e.featured);
  await page.goto(`/posts/${entry.slug}`);
  await expect(page.locator('article h1')).toHaveText(entry.title);
  await expect(page.locator('article figure img').first()).toHaveJSProperty('complete', true);
});

test('an unknown slug shows "Article not found" with a way home', async ({ page }) => {
  await page.goto('/posts/no-such-article');
  await expect(page.locator('h1')).toHaveText('Article not found');
  await expect(page).toHaveTitle('Article not found — Broadsheet');
  await page.getByRole('link', { name: 'Go to the featured article' }).click();
  await expect(page.locator('article h1')).toHaveText(SEED_TITLE);
});

test('an unknown address shows "Page not found"', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the featured article' })).toBeVisible();
});

test('a malformed article names the field at fault and offers to try again', async ({ page }) => {
  let requests = 0;
  page.on('request', (r) => r.url().endsWith('/articles/malformed.json') && requests++);
  await page.goto('/posts/malformed');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The article file is malformed');
  await expect(alert).toContainText('body[1].src');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => requests).toBe(2);
  await expect(page.getByRole('alert')).toContainText('body[1].src');
});

test('a truncated article file is explained, not a blank page', async ({ page }) => {
  await page.goto('/posts/truncated');
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
});

// The articles below are not pre-rendered: the app fetches them (the SPA fallback, 404.html).
test('a server that is down, then back: the reader is told, and Try again recovers', async ({ page }) => {
  await page.route('**/articles/talk-15.json', (route) => route.abort('connectionrefused'));
  await page.goto('/posts/talk-15');
  await expect(page.getByRole('alert')).toContainText('could not be reached');
  await page.unroute('**/articles/talk-15.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('article h1')).not.toBeEmpty();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a server error is reported with its number', async ({ page }) => {
  await page.route('**/articles/talk-16.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto('/posts/talk-16');
  await expect(page.getByRole('alert')).toContainText('error 503');
});

test('the skeleton holds the space while loading: no layout shift', async ({ page }) => {
  await page.route('**/articles/talk-1.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/posts/talk-1');
  await expect(page.locator('.skeleton')).toBeVisible();
  await expect(page.locator('article h1')).toHaveText('Talk 1');
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => window.__cls);
  console.log(`cumulative layout shift while loading: ${cls.toFixed(4)}`);
  expect(cls).toBeLessThan(0.1);
});

test('a hostile article runs nothing: payloads in every field show as text', async ({ page }) => {
  await page.addInitScript(() => {
    window.__fired = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => window.__fired.push([name, String(args[0])]);
  });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto('/posts/hostile');
  await expect(page.locator('article h1')).toHaveText('<script>alert(1)</script> Hostile <img src=x onerror=alert(2)>');
  await expect(page.locator('article .article-label')).toHaveText('<img src=x onerror=alert(1)>');
  // Give planted handlers (image errors, timers, focus) time to fire if they were live.
  await page.mouse.move(10, 10);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(1500);
  const report = await page.evaluate(() => {
    const root = document.querySelector('main article.article');
    const bad = [];
    for (const tag of ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'base', 'meta', 'link']) {
      if (root.querySelector(tag)) bad.push(`<${tag}>`);
    }
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        const value = (el.getAttribute(attr) || '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (attr.startsWith('on')) bad.push(`${el.tagName} ${attr}`);
        if (['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href'].includes(attr) && /^(javascript|data|vbscript):/.test(value)) bad.push(`${attr}=${value}`);
      }
    }
    return { bad, fired: window.__fired, headScripts: document.head.querySelectorAll('script').length };
  });
  expect(report.bad).toEqual([]);
  expect(report.fired).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(report.headScripts).toBeLessThanOrEqual(1); // trunk's own bootstrap only
});
