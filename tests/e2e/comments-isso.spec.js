// Comments against real Isso 0.14 servers (started by scripts/test.sh; see tests/e2e/servers.js):
// post, reply, edit, delete, like through the UI; moderation; refusals; drafts that survive them.
const { test, expect } = require('@playwright/test');
const { sites } = require('./servers');

const comments = (page) => page.locator('section.comments');
const textBox = (scope) => scope.getByLabel('Comment', { exact: true });

/** Posts a comment straight to Isso as another reader (another address), as a fixture. */
async function postAsSomeoneElse(request, site, uri, body, address = '10.20.30.40') {
  const response = await request.post(`${site.isso}new?uri=${encodeURIComponent(uri)}`, {
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    data: { title: 'Fixture', ...body },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

test.describe('with Isso', () => {
  const site = sites.main;
  test.use({ baseURL: site.site });

  test('post, reply, edit, delete through the real UI', async ({ page }) => {
    await page.goto('/posts/talk-7');
    await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
    await page.getByLabel('Name').fill('Iris');
    await page.getByLabel('Email').fill('iris@example.org');
    await page.getByLabel('Website').fill('example.org/iris');
    await textBox(page).fill('First through **Isso**');
    const posted = page.waitForResponse((r) => r.url().includes('/new?') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Post comment' }).click();
    expect((await posted).status()).toBe(201);
    const mine = comments(page).locator('.comment-list > li > article').first();
    await expect(mine.locator('.comment-text strong')).toHaveText('Isso');
    await expect(mine.locator('.comment-author')).toHaveAttribute('href', 'https://example.org/iris');
    await expect(mine).not.toContainText('Saved in this browser only');
    await expect(page.getByRole('heading', { name: '1 comment' })).toBeVisible();

    // Another reader sees it: a fresh context has none of our storage or cookies.
    const other = await page.context().browser().newPage({ baseURL: site.site });
    await other.goto('/posts/talk-7');
    await expect(other.locator('section.comments .comment-text')).toHaveText('First through Isso');
    await expect(other.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await other.close();

    await mine.getByRole('button', { name: 'Reply' }).click();
    await textBox(mine).fill('Replying to myself');
    await mine.getByRole('button', { name: 'Post comment' }).click();
    await expect(mine.locator('.comment-replies .comment-text')).toHaveText('Replying to myself');

    await mine.locator('> .comment-actions').getByRole('button', { name: 'Edit' }).click();
    await textBox(mine).first().fill('Edited through Isso');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await expect(mine.locator('> .comment-text')).toHaveText('Edited through Isso');
    await page.reload();
    await expect(mine.locator('> .comment-text')).toHaveText('Edited through Isso');
    await expect(mine).toContainText('edited');

    // Deleting a comment with replies leaves "Comment deleted" above them.
    await mine.locator('> .comment-actions').getByRole('button', { name: 'Delete' }).click();
    await mine.getByRole('group', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(mine.locator('> .comment-text')).toHaveText('Comment deleted');
    await page.reload();
    await expect(mine.locator('> .comment-text')).toHaveText('Comment deleted');
    await expect(mine.locator('.comment-replies .comment-text')).toHaveText('Replying to myself');
  });

  test('a pre-rendered page preloads the thread: one request, answered before the app asks', async ({ page, request }) => {
    await postAsSomeoneElse(request, site, '/posts/east-tokamak', { text: 'Preloaded with the page' });
    const threadRequests = [];
    page.on('request', (r) => r.url().startsWith(`${site.isso}?uri=`) && threadRequests.push(r.url()));
    const problems = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
    await page.goto('/posts/east-tokamak');
    await expect(page.locator('section.comments .comment-text', { hasText: 'Preloaded with the page' })).toBeVisible();
    expect(threadRequests).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test('like another reader\'s comment; the count follows', async ({ page, request }) => {
    const theirs = await postAsSomeoneElse(request, site, '/posts/talk-8', { text: 'Please like this', author: 'Other' });
    await page.goto('/posts/talk-8');
    const comment = comments(page).locator(`#comment-${theirs.id}`);
    await expect(comment).toContainText('Please like this');
    await comment.getByRole('button', { name: 'Like (0)' }).click();
    await expect(comment.getByRole('button', { name: 'Like (1)' })).toBeVisible();
    await expect(comment.getByRole('button', { name: 'Like (1)' })).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(comment.getByRole('button', { name: 'Like (1)' })).toBeVisible();
    // Isso allows one vote per reader: a second like is refused with Isso's own reason.
    await comment.getByRole('button', { name: 'Like (1)' }).click();
    await expect(comment.getByRole('alert')).toContainText('Upvote denied');
  });

  test('without the edit cookie, editing is refused and the reader is told why', async ({ page, context }) => {
    await page.goto('/posts/talk-9');
    await textBox(page).fill('Soon uneditable');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const mine = comments(page).locator('.comment-list > li > article').first();
    await expect(mine.getByRole('button', { name: 'Edit' })).toBeVisible();
    await context.clearCookies();
    await mine.getByRole('button', { name: 'Edit' }).click();
    await textBox(mine).fill('Changed');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await expect(mine.getByRole('alert')).toContainText('can no longer be changed from this browser');
    await expect(textBox(mine)).toHaveValue('Changed');
  });

  test('a server that is down: the article is unaffected, the reason is shown, Try again works', async ({ page, request }) => {
    await postAsSomeoneElse(request, site, '/posts/talk-13', { text: 'Already here' });
    await page.route(`${site.isso}?*`, (route) => route.abort('connectionrefused'));
    await page.goto('/posts/talk-13');
    await expect(page.locator('article h1')).toHaveText('Talk 13');
    await expect(comments(page).getByRole('alert')).toContainText('could not be reached');
    await page.unroute(`${site.isso}?*`);
    await comments(page).getByRole('button', { name: 'Try again' }).click();
    await expect(comments(page).getByRole('alert')).toHaveCount(0);
    await expect(comments(page).locator('article.comment').first()).toContainText('Already here');
  });

  test('a slow server times out after 10 seconds with a clear message, and the draft stays', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/posts/talk-10');
    await expect(page.getByRole('heading', { name: /^(Comments|\d+ comments?)$/ })).toBeVisible();
    await page.route(`${site.isso}new?*`, () => {}); // never answers
    await textBox(page).fill('Into the void');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByRole('button', { name: 'Posting…' })).toBeDisabled();
    await expect(comments(page).locator('.comment-sending')).toContainText('Into the void');
    await expect(page.getByRole('alert')).toContainText('did not answer within 10 seconds', { timeout: 15_000 });
    await expect(comments(page).locator('article.comment')).toHaveCount(0); // rolled back
    await expect(textBox(page)).toHaveValue('Into the void');
    await expect(page.getByRole('button', { name: 'Post comment' })).toBeEnabled();
  });
});

test.describe('with a moderated Isso', () => {
  const site = sites.moderated;
  test.use({ baseURL: site.site });

  test('a comment awaiting moderation shows so to its author only', async ({ page }) => {
    await page.goto('/posts/talk-11');
    await textBox(page).fill('Please approve me');
    const posted = page.waitForResponse((r) => r.url().includes('/new?'));
    await page.getByRole('button', { name: 'Post comment' }).click();
    expect((await posted).status()).toBe(202);
    const mine = comments(page).locator('article.comment').first();
    await expect(mine).toContainText('Awaiting moderation');
    await page.reload();
    await expect(mine).toContainText('Please approve me');
    await expect(mine).toContainText('Awaiting moderation');
    const other = await page.context().browser().newPage({ baseURL: site.site });
    await other.goto('/posts/talk-11');
    await expect(other.locator('section.comments')).toContainText('No comments yet');
    await other.close();
  });
});

test.describe('with a strict Isso (one comment a minute)', () => {
  const site = sites.strict;
  test.use({ baseURL: site.site });

  test('a refused post is rolled back with Isso\'s reason, and the draft survives a reload', async ({ page }) => {
    await page.goto('/posts/talk-12');
    await textBox(page).fill('The first is fine');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(comments(page).locator('article.comment')).toHaveCount(1);
    await expect(comments(page).locator('article.comment')).not.toHaveClass(/comment-sending/);

    await textBox(page).fill('The second is one too many');
    const refused = page.waitForResponse((r) => r.url().includes('/new?'));
    await page.getByRole('button', { name: 'Post comment' }).click();
    expect((await refused).status()).toBe(403);
    await expect(page.getByRole('alert')).toContainText('ratelimit exceeded');
    await expect(page.getByRole('alert')).toContainText('Your text is kept');
    await expect(comments(page).locator('article.comment')).toHaveCount(1);
    await page.reload();
    await expect(textBox(page)).toHaveValue('The second is one too many');
  });
});
