// A site built by `broadsheet build` from Markdown and a phone photo, with a WordPress REST
// response and a hostile JSON Feed imported by `broadsheet import` (tests/e2e/prepare-site.mjs),
// read in Chromium: what the author wrote is what the reader gets.
const { test, expect } = require('@playwright/test');
const { strictSites } = require('./servers');
const { takenOver } = require('./pages');

const site = `http://127.0.0.1:${strictSites.content.port}`;

function watch(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  return problems;
}

test('the Markdown article: front matter, every block, figures with caption and credit', async ({ page }) => {
  const problems = watch(page);
  await page.goto(`${site}/`);
  await takenOver(page);
  const article = page.locator('main article.article');
  await expect(article.locator('h1')).toHaveText('Written in Markdown');
  await expect(article.locator('.article-label')).toHaveText('End to end');
  await expect(article.locator('.article-header time')).toHaveAttribute('datetime', '2021-03-04T10:00:00+01:00');
  await expect(article.locator('.article-byline')).toHaveText('By Ada Author and Bo Byline');
  await expect(article.locator('.article-byline a')).toHaveAttribute('href', 'https://example.org/bo');
  const body = article.locator('.article-body');
  await expect(body.locator('p').first()).toContainText('The first paragraph, with emphasis, strong, code and a link.');
  await expect(body.locator('p em').first()).toHaveText('emphasis');
  await expect(body.locator('p a[href="https://example.org/"]')).toHaveText('a link');
  await expect(body.locator('h2')).toHaveText('A section');
  await expect(body.locator('blockquote p')).toHaveText('Quoted words.');
  await expect(body.locator('blockquote cite')).toHaveText('Someone quoted');
  await expect(body.locator('ul li')).toHaveText(['one', 'two']);
  await expect(body.locator('pre.code-block code')).toHaveText('scripts/broadsheet build\n    indented line');
  await expect(body.locator('pre.code-block code')).toHaveAttribute('data-language', 'sh');
  const figure = body.locator('figure');
  await expect(figure.locator('.figure-caption')).toHaveText('The caption, with emphasis.');
  await expect(figure.locator('.figure-credit')).toHaveText('Photo: Jane Doe');
  expect(problems).toEqual([]);
});

test('the photo: upright, in the widths the page asks for, at its true size, without its metadata', async ({ page }) => {
  await page.goto(`${site}/posts/from-markdown`);
  const img = page.locator('article.article .article-body figure img');
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  const seen = await img.evaluate((i) => ({
    width: Number(i.getAttribute('width')), height: Number(i.getAttribute('height')),
    naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight, src: i.currentSrc, srcset: i.getAttribute('srcset'), sizes: i.getAttribute('sizes'),
  }));
  // Stored 900x600 with "rotate 90°": upright it is 600x900, never upscaled, so 480 and 600 wide.
  expect(seen.height).toBeGreaterThan(seen.width);
  expect(seen.srcset).toMatch(/^\S+-480\.[0-9a-f]{10}\.webp 480w, \S+-600\.[0-9a-f]{10}\.webp 600w$/);
  expect(seen.sizes).toBe('(min-width: 48rem) 44rem, 100vw');
  // Each width is really that wide (naturalWidth is scaled by the density the browser chose, so
  // decode the files themselves), with the shape the width and height attributes give.
  for (const [url, descriptor] of seen.srcset.split(', ').map((s) => s.split(' '))) {
    const size = await page.evaluate(async (href) => {
      const bitmap = await createImageBitmap(await (await fetch(href)).blob());
      return [bitmap.width, bitmap.height];
    }, new URL(url, `${site}/articles/`).href);
    expect(size[0]).toBe(Number(descriptor.replace('w', '')));
    expect(Math.abs(size[0] / size[1] - seen.width / seen.height)).toBeLessThan(0.01);
  }
  expect(seen.srcset.split(', ').some((entry) => seen.src.endsWith(entry.split(' ')[0].replace('../', '')))).toBe(true);
  // Red is on top once upright: the left half of the stored picture.
  const top = await img.evaluate((i) => {
    const canvas = document.createElement('canvas');
    canvas.width = i.naturalWidth; canvas.height = i.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(i, 0, 0);
    return [...context.getImageData(Math.floor(i.naturalWidth / 2), 10, 1, 1).data];
  });
  expect(top[0]).toBeGreaterThan(150);
  expect(top[2]).toBeLessThan(120);
  // What the reader downloads carries no EXIF: no camera, no GPS position.
  for (const [url] of seen.srcset.split(', ').map((s) => s.split(' '))) {
    const bytes = Buffer.from(await (await page.request.get(new URL(url, `${site}/articles/`).href)).body());
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    for (const needle of ['Exif', 'EXIF', 'XMP', 'BroadsheetTestCam']) expect(bytes.includes(needle), needle).toBe(false);
  }
});

test('the gallery of the Markdown article opens in the lightbox', async ({ page }) => {
  await page.goto(`${site}/posts/from-markdown`);
  await takenOver(page);
  await page.locator('.gallery-grid a').first().click();
  await expect(page.locator('dialog.lightbox')).toBeVisible();
  await expect(page.locator('dialog.lightbox')).toContainText('In the gallery');
});

test('a WordPress post imported with broadsheet import: figures, author, lead picture', async ({ page }) => {
  const problems = watch(page);
  // Its pictures stay on WordPress's servers: the test never reaches them, whatever this
  // machine's network (offline, no name server, or online).
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('internetdisconnected'));
  await page.goto(`${site}/posts/block-image`);
  await takenOver(page);
  const article = page.locator('main article.article');
  await expect(article.locator('h1')).toHaveText('Block: Image');
  await expect(article.locator('.article-byline')).toHaveText('By REST API Client Fixture: User');
  await expect(article.locator('.article-body figure').first().locator('img')).toHaveAttribute('src', /^https:\/\/wpthemetestdata\.files\.wordpress\.com\//);
  await expect(article.locator('.article-body figcaption', { hasText: 'Look at 580x300 getting some caption love.' })).toHaveCount(1);
  await expect(article.locator('.article-body figcaption a', { hasText: 'caption' })).toHaveAttribute('href', 'https://en.support.wordpress.com/images/image-settings/');
  // The quote post's title had HTML entities: shown as the characters they stand for.
  await page.goto(`${site}/posts/block-quote`);
  await expect(page.locator('main article.article h1')).toHaveText('Block: Quote – with “entities”');
  expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});

test('a hostile feed imported and built runs nothing', async ({ page }) => {
  const problems = watch(page);
  await page.addInitScript(() => { window.__ran = []; for (const name of ['alert', 'confirm', 'prompt']) window[name] = () => window.__ran.push(name); });
  await page.goto(`${site}/posts/hostile-feed`);
  await takenOver(page);
  await expect(page.locator('main article.article h1')).toBeVisible();
  await page.mouse.move(200, 300);
  expect(await page.evaluate(() => window.__ran)).toEqual([]);
  const found = await page.evaluate(() => {
    const article = document.querySelector('main article.article');
    const bad = [];
    for (const element of article.querySelectorAll('*')) {
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'SVG'].includes(element.tagName.toUpperCase())) bad.push(element.tagName);
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) bad.push(attribute.name);
        if (['href', 'src'].includes(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) bad.push(attribute.value);
      }
    }
    return bad;
  });
  expect(found).toEqual([]);
  expect(problems.filter((p) => p.startsWith('dialog') || p.startsWith('pageerror'))).toEqual([]);
});
