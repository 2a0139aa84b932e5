// Comments with the local store (the default): the site's thread file plus this browser's storage.
const { test, expect } = require('@playwright/test');
const { readFileSync } = require('node:fs');
const { takenOver } = require('./pages');

const seed = JSON.parse(readFileSync('dist/comments/nica-agreement.json', 'utf8')).comments;
const comments = (page) => page.locator('section.comments');

test('the seed thread shows under the featured article, with replies, identicons and times', async ({ page }) => {
  await page.goto('/');
  await takenOver(page);
  await expect(page.getByRole('heading', { name: `${seed.length} comments` })).toBeVisible();
  const items = comments(page).locator('article.comment');
  await expect(items).toHaveCount(seed.length);
  const first = items.first();
  await expect(first.locator('> header .comment-author')).toHaveText(seed[0].author);
  await expect(first.locator('> header time')).toHaveAttribute('datetime', /^2020-08-27T00:12:00Z$/);
  await expect(first.locator('> header time')).toHaveText('August 27, 2020'); // older than 30 days: its date, in the article's time zone
  await expect(first.locator('> header svg.identicon path').first()).toBeAttached();
  await expect(first.locator('.comment-text strong')).toHaveText('NICA');
  // A reply to a reply is shown under the top-level comment, oldest first.
  await expect(first.locator('.comment-replies article.comment')).toHaveCount(2);
  await expect(comments(page).locator('.comment-author', { hasText: 'Andrei Volkov' })).toHaveAttribute('rel', /nofollow/);
  // Nothing is fetched from a third party for identicons.
  const foreign = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => !e.name.startsWith(location.origin)).length);
  expect(foreign).toBe(0);
});

test('sorting: newest first and most liked', async ({ page }) => {
  await page.goto('/');
  await takenOver(page);
  const authors = () => comments(page).locator('.comment-list > li > article > header .comment-author').allTextContents();
  await expect.poll(authors).toEqual(['Mei Lin', 'Guest', 'Anonymous']);
  await page.getByLabel('Sort comments').selectOption('newest');
  await expect.poll(authors).toEqual(['Anonymous', 'Guest', 'Mei Lin']);
  await page.getByLabel('Sort comments').selectOption('upvotes');
  await expect.poll(authors).toEqual(['Mei Lin', 'Guest', 'Anonymous']);
});

test('a new comment is saved in this browser, survives a reload, and can be edited and deleted', async ({ page }) => {
  await page.goto('/posts/talk-1');
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
  await expect(comments(page)).toContainText('No comments yet');
  await page.getByLabel('Name').fill('Local Reader');
  await page.getByLabel('Comment', { exact: true }).fill('A *local* comment');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const mine = comments(page).locator('article.comment').first();
  await expect(mine).toContainText('A local comment');
  await expect(mine).toContainText('Saved in this browser only');
  await expect(page.getByRole('heading', { name: '1 comment' })).toBeVisible();
  // A recent comment says how long ago, in words (Intl.RelativeTimeFormat).
  await expect(mine.locator('> header time')).toHaveText(/^(now|\d+ seconds? ago)$/);
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('');

  await page.reload();
  await expect(mine).toContainText('A local comment');
  await expect(mine).toContainText('Saved in this browser only');
  await expect(mine.locator('.comment-author')).toHaveText('Local Reader');

  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByLabel('Comment', { exact: true }).fill('An edited comment');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(mine).toContainText('An edited comment');
  await expect(mine).toContainText('edited');

  await mine.getByRole('button', { name: 'Reply' }).click();
  await mine.getByLabel('Comment', { exact: true }).fill('A reply to myself');
  await mine.getByRole('button', { name: 'Post comment' }).click();
  await expect(mine.locator('.comment-replies')).toContainText('A reply to myself');

  await mine.locator('> .comment-actions').getByRole('button', { name: 'Delete' }).click();
  await mine.getByRole('group', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(comments(page).locator('article.comment')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
});

test('field errors are shown next to the field and announced; the form keeps focus on the problem', async ({ page }) => {
  await page.goto('/posts/talk-2');
  await page.getByLabel('Website').fill('javascript:alert(1)');
  await page.getByLabel('Email').fill('nobody');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const text = page.getByLabel('Comment', { exact: true });
  await expect(text).toBeFocused();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Write a comment first.' })).toBeVisible();
  await expect(text).toHaveAccessibleDescription(/Write a comment first\./);
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/does not look like an email/);
  await expect(page.getByLabel('Website')).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
  await expect(comments(page).locator('article.comment')).toHaveCount(0);
  await expect(comments(page)).toContainText('3–5,000 characters');
});

test('the draft is kept as the reader types and restored after a reload', async ({ page }) => {
  await page.goto('/posts/talk-3');
  await page.getByLabel('Comment', { exact: true }).fill('Half-written thoughts');
  await page.getByLabel('Name').fill('Drafter');
  await page.reload();
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('Half-written thoughts');
  await expect(page.getByLabel('Name')).toHaveValue('Drafter');
  // The Markdown preview shows what will be posted.
  await page.getByLabel('Comment', { exact: true }).fill('Some **bold** words');
  await page.getByText('Preview').click();
  await expect(page.locator('.comment-preview-text strong')).toHaveText('bold');
});

test('a reply or an edit form opens with the focus in its text (it stayed on the button)', async ({ page }) => {
  await page.goto('/posts/talk-16');
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
  await page.getByLabel('Comment', { exact: true }).fill('Mine, to edit and answer');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const mine = comments(page).locator('article.comment').first();
  await mine.getByRole('button', { name: 'Reply' }).click();
  await expect(mine.getByRole('form', { name: /^Reply to / }).getByLabel('Comment', { exact: true })).toBeFocused();
  await mine.getByRole('button', { name: 'Cancel' }).click();
  await mine.getByRole('button', { name: 'Edit' }).click();
  await expect(mine.getByLabel('Comment', { exact: true })).toBeFocused();
  await expect(mine.getByLabel('Comment', { exact: true })).toHaveValue('Mine, to edit and answer');
  // The new-comment form, part of the page, did not take the focus on load.
  await page.reload();
  await expect(page.getByRole('heading', { name: '1 comment' })).toBeVisible();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test('a reply form keeps its own draft', async ({ page }) => {
  await page.goto('/');
  await takenOver(page);
  const first = comments(page).locator('.comment-list > li > article').first();
  await first.getByRole('button', { name: 'Reply' }).first().click();
  await expect(first.getByRole('form', { name: 'Reply to Mei Lin' })).toBeVisible();
  await first.getByLabel('Comment', { exact: true }).fill('Reply draft');
  await page.reload();
  await takenOver(page);
  await first.getByRole('button', { name: 'Reply' }).first().click();
  await expect(first.getByLabel('Comment', { exact: true })).toHaveValue('Reply draft');
  await expect(comments(page).locator('form').last().getByLabel('Comment', { exact: true })).toHaveValue('');
});

test('a malformed thread file is explained, and the article is unaffected', async ({ page }) => {
  await page.goto('/posts/malformed-thread');
  await expect(page.locator('article h1')).toHaveText('A broken thread');
  const alert = comments(page).getByRole('alert');
  await expect(alert).toContainText('comments[0].created');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a thread file that is missing is an empty thread', async ({ page }) => {
  await page.goto('/posts/talk-4');
  await expect(comments(page)).toContainText('No comments yet');
});

test('the honeypot: a filled hidden field posts nothing', async ({ page }) => {
  await page.goto('/posts/talk-5');
  await page.getByLabel('Comment', { exact: true }).fill('I am a bot');
  await page.locator('input[name=homepage]').fill('http://spam.example', { force: true });
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.waitForTimeout(300);
  await expect(comments(page).locator('article.comment')).toHaveCount(0);
  await expect(page.locator('input[name=homepage]')).toHaveAttribute('tabindex', '-1');
});

test('comment text with script payloads renders as text and runs nothing', async ({ page }) => {
  await page.addInitScript(() => {
    window.__fired = [];
    for (const name of ['alert', 'confirm', 'prompt']) window[name] = (m) => window.__fired.push(String(m));
  });
  const vectors = JSON.parse(readFileSync('../shared/corpus/xss-vectors.json', 'utf8')).map((v) => v.payload);
  await page.goto('/posts/talk-6');
  // Every payload through the real form would take minutes; post them through the form in batches.
  const batch = 20;
  for (let i = 0; i < vectors.length; i += batch) {
    const text = vectors.slice(i, i + batch).join('\n\n');
    await page.getByLabel('Name').fill(vectors[i].slice(0, 100));
    await page.getByLabel('Comment', { exact: true }).fill(text.slice(0, 5000));
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('');
  }
  await page.reload();
  await expect(comments(page).locator('article.comment')).toHaveCount(Math.ceil(vectors.length / batch));
  await page.waitForTimeout(1000);
  const report = await page.evaluate(() => {
    const root = document.querySelector('section.comments');
    const bad = [];
    for (const el of root.querySelectorAll('script, iframe, object, embed, style, img, math')) bad.push(el.tagName);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        const value = (el.getAttribute(attr) || '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (attr.startsWith('on')) bad.push(`${el.tagName} ${attr}`);
        if (['href', 'src'].includes(attr) && /^(javascript|data|vbscript):/.test(value)) bad.push(`${attr}=${value}`);
      }
    }
    return { bad, fired: window.__fired };
  });
  expect(report).toEqual({ bad: [], fired: [] });
});
