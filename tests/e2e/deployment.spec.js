// Static deployment: the SPA and the widget under the strict Content-Security-Policy the README
// documents (as a real response header), and the SPA built for and served under a sub-path.
const { test, expect } = require('@playwright/test');
const { strictSites, sites } = require('./servers');
const { takenOver } = require('./pages');

/** Console errors, except the document's own 404 status: the SPA fallback (404.html) that a static
 * host serves for /posts/<slug> is the app, with that status. */
function watchConsole(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const fallback = m.text().includes('404') && /\/posts\/[a-z0-9-]+$/.test(m.location().url || '');
    if (!fallback) problems.push(`${m.text()} ${m.location().url || ''}`);
  });
  return problems;
}

/** Collects CSP violations (the event and the console report) and other errors. */
async function watchPolicy(page) {
  const problems = watchConsole(page);
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__violations ||= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}
const violations = (page) => page.evaluate(() => window.__violations || []);

test.describe('under the strict CSP', () => {
  const site = `http://127.0.0.1:${strictSites.csp.port}`;

  test('the header is really sent', async ({ request }) => {
    const response = await request.get(`${site}/`);
    expect(response.headers()['content-security-policy']).toBe(strictSites.csp.csp);
    expect((await request.get(`${site}/posts/east-tokamak`)).headers()['content-security-policy']).toBe(strictSites.csp.csp);
  });

  test('the SPA: article, navigation, lightbox and comments, with no violation', async ({ page }) => {
    const problems = await watchPolicy(page);
    await page.goto(`${site}/`);
    await expect(page.locator('article.article h1')).toBeVisible();
    await takenOver(page);
    await page.locator('.gallery-grid a').first().click();
    await expect(page.locator('.lightbox-image.is-loaded')).toBeVisible();
    await page.locator('.lightbox-image').dblclick();
    await expect(page.locator('.lightbox-image')).toHaveCSS('transform', /matrix\(2/);
    await page.keyboard.press('Escape');
    await page.getByLabel('Comment', { exact: true }).fill('Posted under a strict policy');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.locator('section.comments')).toContainText('Posted under a strict policy');
    await page.locator('nav.more-articles a').first().click();
    await expect(page).toHaveURL(/\/posts\//);
    await expect(page.locator('article.article figure img').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the widget on a host page under the same policy', async ({ page }) => {
    const problems = await watchPolicy(page);
    // The widget's own part of the WebAssembly, and the lightbox's, are fetched under the policy.
    const parts = [];
    page.on('requestfinished', (r) => { const part = r.url().match(/\/broadsheet-(split_[a-z]+)-[0-9a-f]+\.wasm$/); if (part) parts.push(part[1]); });
    await page.goto(`${site}/host.html`);
    await expect(page.locator('#w1 article.article h1')).toBeVisible();
    await expect(page.locator('#w2 article.article h1')).toBeVisible();
    await page.locator('#w1 figure button').first().click();
    await expect(page.locator('#w1 .lightbox-image.is-loaded')).toBeVisible();
    expect(parts).toEqual(expect.arrayContaining(['split_widget', 'split_lightbox']));
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('comments from Isso with the endpoint in connect-src', async ({ page }) => {
    const problems = await watchPolicy(page);
    await page.goto(`http://127.0.0.1:${strictSites.cspIsso.port}/posts/talk-14`);
    await page.getByLabel('Comment', { exact: true }).fill('Isso under CSP');
    const posted = page.waitForResponse((r) => r.url().startsWith(sites.main.isso) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Post comment' }).click();
    expect((await posted).status()).toBe(201);
    await expect(page.locator('section.comments .comment-text', { hasText: 'Isso under CSP' }).first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test.describe('built for and served under /news/', () => {
  const site = `http://127.0.0.1:${strictSites.news.port}`;

  test('navigation, images, articles and comments all load from the sub-path', async ({ page }) => {
    const problems = watchConsole(page);
    const outside = [];
    page.on('request', (r) => { const path = new URL(r.url()).pathname; if (!path.startsWith('/news/')) outside.push(path); });
    await page.goto(`${site}/news/`);
    await expect(page.locator('article.article h1')).toBeVisible();
    await expect(page.locator('section.comments article.comment').first()).toBeVisible();
    const link = page.locator('nav.more-articles a').first();
    await expect(link).toHaveAttribute('href', /^\/news\/posts\//);
    await link.click();
    await expect(page).toHaveURL(/\/news\/posts\/[a-z-]+$/);
    const img = page.locator('article.article figure img').first();
    await expect(img).toHaveAttribute('src', /\/news\/images\//);
    await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
    await page.goBack();
    await expect(page).toHaveURL(/\/news\/$/);
    await page.goto(`${site}/news/posts/east-tokamak`);
    await expect(page.locator('article.article h1')).toBeVisible();
    await page.locator('.masthead-name').click();
    await expect(page).toHaveURL(/\/news\/$/);
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
