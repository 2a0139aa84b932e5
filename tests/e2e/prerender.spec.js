// Pre-rendered pages: readable without JavaScript, seen by crawlers and link previews (head,
// JSON-LD, feeds, sitemap), and taken over by the app in place: the article stays the same node.
const { test, expect } = require('@playwright/test');
const { readFileSync } = require('node:fs');
const { strictSites } = require('./servers');

const featured = JSON.parse(readFileSync('dist/articles/nica-agreement.json', 'utf8'));
const seedThread = JSON.parse(readFileSync('dist/comments/nica-agreement.json', 'utf8')).comments;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the featured page shows the article, figures, gallery links and the static thread', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('article.article h1')).toHaveText(featured.title);
    await expect(page.locator('article.article .article-label')).toHaveText('Featured post');
    await expect(page.locator('article.article figure figcaption')).toHaveCount(2);
    const figures = page.locator('article.article figure img');
    await figures.nth(1).scrollIntoViewIfNeeded();
    await expect.poll(() => figures.evaluateAll((imgs) => imgs.every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
    // Thumbnails are links to the full pictures.
    const thumbs = page.locator('.gallery-grid a');
    await expect(thumbs).toHaveCount(featured.gallery.length);
    // (Names carry a hash of the picture: broadsheet build names them by content.)
    await expect(thumbs.first()).toHaveAttribute('href', /\/images\/nica-collider-layout-1600\.[0-9a-f]{10}\.webp$/);
    const response = await page.request.get(new URL(await thumbs.first().getAttribute('href'), page.url()).href);
    expect(response.status()).toBe(200);
    // The static thread is there, and the section says that comments need JavaScript.
    await expect(page.locator('section.comments article.comment')).toHaveCount(seedThread.length);
    // (Playwright's text helpers skip <noscript>: read its markup.)
    expect(await page.locator('section.comments noscript').innerHTML()).toContain('Comments need JavaScript');
    await expect(page.locator('nav.more-articles a')).toHaveCount(3);
  });

  test('every post has its own page', async ({ page }) => {
    const index = JSON.parse(readFileSync('dist/articles/index.json', 'utf8'));
    for (const entry of index.articles) {
      await page.goto(`/posts/${entry.slug}`);
      await expect(page.locator('article.article h1')).toHaveText(entry.title);
      await expect(page).toHaveTitle(`${entry.title} — Broadsheet`);
    }
  });

  test('the head carries title, description, canonical, cards and schema.org data', async ({ page }) => {
    await page.goto('/posts/nica-agreement');
    const head = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      description: document.querySelector('meta[name=description]')?.content,
      canonical: document.querySelector('link[rel=canonical]')?.href,
      ogImage: document.querySelector('meta[property="og:image"]')?.content,
      ogWidth: document.querySelector('meta[property="og:image:width"]')?.content,
      twitter: document.querySelector('meta[name="twitter:card"]')?.content,
      preload: document.querySelector('link[rel=preload][as=image]')?.getAttribute('href'),
      jsonLd: document.querySelector('script[type="application/ld+json"]')?.textContent,
    }));
    expect(head.lang).toBe('en');
    expect(head.description).toBe(featured.summary);
    expect(head.canonical).toBe('http://127.0.0.1:4173/posts/nica-agreement');
    expect(head.ogImage).toBe(`http://127.0.0.1:4173/${featured.lead_image.src.replace('../', '')}`);
    expect(head.ogImage).toMatch(/\/images\/nica-ceremony-960\.[0-9a-f]{10}\.webp$/);
    expect(head.ogWidth).toBe('960');
    expect(head.twitter).toBe('summary_large_image');
    expect(head.preload).toBe(`/${featured.body[1].src.replace('../', '')}`);
    const ld = JSON.parse(head.jsonLd);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(featured.title);
    expect(ld.datePublished).toBe(featured.published);
    expect(ld.author[0].name).toBe(featured.authors[0].name);
    expect(ld.image.length).toBeGreaterThanOrEqual(10);
  });

  test('the hostile article pre-rendered: text stays text', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${strictSites.hostile.port}/`);
    await expect(page.locator('article.article h1')).toHaveText('<script>alert(1)</script> Hostile <img src=x onerror=alert(2)>');
  });
});

test('the app takes over the page in place: same article node, no shift, lightbox and comments work', async ({ page }) => {
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && !m.text().includes('integrity') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__lcp = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__cls += e.value; }))
      .observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__lcp.push(e.element?.tagName)))
      .observe({ type: 'largest-contentful-paint', buffered: true });
    document.addEventListener('DOMContentLoaded', () => { window.__article = document.querySelector('article.article'); });
  });
  await page.goto('/');
  // Taken over: dates in words, and the live comments section in place of the static one.
  await expect(page.locator('article.article .article-header time')).toHaveText('August 26, 2020');
  await expect(page.locator('.comments-holder section.comments article.comment')).toHaveCount(seedThread.length);
  expect(await page.evaluate(() => window.__article !== undefined && window.__article === document.querySelector('article.article'))).toBe(true);
  expect(await page.locator('article.article').count()).toBe(1);
  expect(await page.locator('section.comments').count()).toBe(1);
  expect(await page.evaluate(() => window.__cls)).toBe(0);
  // The lightbox opens from a thumbnail link, and Escape gives the focus back.
  const thumb = page.locator('.gallery-grid a').nth(2);
  await thumb.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.locator('.lightbox-counter')).toHaveText(`5 / ${2 + featured.gallery.length}`);
  await page.keyboard.press('Escape');
  await expect(thumb).toBeFocused();
  await expect(page.locator('dialog.lightbox')).toHaveCount(1);
  // Comments post through the live section.
  await page.getByLabel('Comment', { exact: true }).fill('After the take-over');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.locator('section.comments')).toContainText('After the take-over');
  expect(problems).toEqual([]);
});

test('the hostile pre-rendered page runs nothing with JavaScript either', async ({ page }) => {
  await page.addInitScript(() => {
    window.__fired = [];
    for (const name of ['alert', 'confirm', 'prompt']) window[name] = (m) => window.__fired.push(String(m));
  });
  await page.goto(`http://127.0.0.1:${strictSites.hostile.port}/`);
  await expect(page.locator('.comments-holder section.comments')).toBeVisible();
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.__fired)).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('main script, main iframe, main object, main embed').length)).toBe(0);
});

test('feeds and sitemap', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect((sitemap.match(/<url>/g) || []).length).toBe(6);
  const atom = await request.get('/feed.xml');
  expect(atom.status()).toBe(200);
  expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
  const json = await (await request.get('/feed.json')).json();
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.items.map((i) => i.id)).toContain('http://127.0.0.1:4173/posts/nica-agreement');
});

test('pre-rendered under /news/ without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${strictSites.news.port}/news/`);
  await expect(page.locator('article.article h1')).toHaveText(featured.title);
  await expect(page.locator('nav.more-articles a').first()).toHaveAttribute('href', /^\/news\/posts\//);
  const img = page.locator('article.article figure img').first();
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  await context.close();
});
