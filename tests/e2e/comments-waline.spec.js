// Comments against real Waline 1.39.3 nodes over real PostgreSQL 15 (started by scripts/test.sh;
// see tests/e2e/servers.js and scripts/waline.sh). Sites a, b and spare point at three nodes of
// one service (one database): what is posted through one is read, liked and answered through
// another. Also: moderation, the rate limit, sign-in then edit and delete, a node that is down,
// PostgreSQL stopped mid-test, the hostile corpus, and backslashes and quotes byte for byte.
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { test, expect } = require('@playwright/test');
const { walineSites, waline } = require('./servers');

const comments = (page) => page.locator('section.comments');
const textBox = (scope) => scope.getByLabel('Comment', { exact: true });
const topLevel = (page) => comments(page).locator('.comment-list > li > article');

/** scripts/waline.sh, for the tests that stop and start servers. */
function walineScript(...args) {
  return execFileSync('scripts/waline.sh', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** A request to Waline's API as a browser on the site would send it (Waline checks the Referer). */
async function api(request, site, method, path, { data, token } = {}) {
  const headers = { Referer: `${site.site}/`, 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await request.fetch(`${site.waline}api/${path}`, { method, headers, data });
  const body = await response.json();
  return { status: response.status(), ...body };
}

/** Posts a comment straight to Waline as another reader, as a fixture; its id. */
async function postAsSomeoneElse(request, site, url, body) {
  const answer = await api(request, site, 'POST', 'comment', { data: { url, nick: 'Other', mail: '', link: '', ua: 'fixture', ...body } });
  expect(answer.errno, answer.errmsg).toBe(0);
  return answer.data;
}

/** A reader's Waline account (made through Waline's own API), and a token for it. */
async function account(request, site, name) {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${Date.now()}@example.org`;
  const password = `${name}-password`;
  const made = await api(request, site, 'POST', 'user', { data: { display_name: name, email, password, url: '' } });
  expect(made.errno, made.errmsg).toBe(0);
  return { name, email, password };
}

async function token(request, site, { email, password }) {
  const answer = await api(request, site, 'POST', 'token', { data: { email, password } });
  expect(answer.errno).toBe(0);
  return answer.data.token;
}

test.describe('two Waline nodes over one PostgreSQL', () => {
  const [a, b] = [walineSites.a, walineSites.b];

  test('posted through one node, read, liked and answered through the other', async ({ page, browser }) => {
    const thirdParty = [];
    page.on('request', (r) => !r.url().startsWith('http://127.0.0.1') && thirdParty.push(r.url()));
    await page.goto(`${a.site}/posts/talk-1`);
    await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
    const form = page.locator('#comment-form-new');
    await form.getByLabel('Name').fill('Iris');
    await form.getByLabel('Email').fill('iris@example.org');
    await form.getByLabel('Website').fill('example.org/iris');
    await textBox(page).fill('Through node **A**\n\n> quoted\n\n- one\n- two');
    const posted = page.waitForResponse((r) => r.url().startsWith(`${a.waline}api/comment`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Post comment' }).click();
    expect((await (await posted).json()).errno).toBe(0);
    const mine = topLevel(page).first();
    await expect(mine.locator('.comment-text strong')).toHaveText('A');
    await expect(mine.locator('.comment-text blockquote')).toHaveText('quoted');
    await expect(mine.locator('.comment-text ul li')).toHaveText(['one', 'two']);
    await expect(mine.locator('.comment-author')).toHaveText('Iris');
    await expect(mine.locator('.comment-author')).toHaveAttribute('href', 'https://example.org/iris');
    await expect(page.getByRole('heading', { name: '1 comment' })).toBeVisible();
    // Signed out, Waline never lets anyone change it: the author is told so, plainly.
    await expect(mine.locator('> .comment-actions')).toContainText('Posted without signing in');
    await expect(mine.getByRole('button', { name: 'Edit' })).toHaveCount(0);

    // Another reader, through node B.
    const other = await browser.newPage();
    other.on('request', (r) => !r.url().startsWith('http://127.0.0.1') && thirdParty.push(r.url()));
    await other.goto(`${b.site}/posts/talk-1`);
    const theirs = topLevel(other).first();
    await expect(theirs.locator('.comment-text p').first()).toHaveText('Through node A');
    await expect(theirs.locator('> .comment-actions')).not.toContainText('Posted without signing in');
    await theirs.locator('> .comment-actions').getByRole('button', { name: 'Like (0)' }).click();
    await expect(theirs.locator('> .comment-actions').getByRole('button', { name: 'Like (1)' })).toHaveAttribute('aria-pressed', 'true');
    await other.reload();
    await expect(theirs.locator('> .comment-actions').getByRole('button', { name: 'Like (1)' })).toHaveAttribute('aria-pressed', 'true');
    await theirs.locator('> .comment-actions').getByRole('button', { name: 'Reply' }).click();
    await textBox(theirs).fill('Answered through node B');
    await theirs.getByRole('button', { name: 'Post comment' }).click();
    await expect(theirs.locator('.comment-replies .comment-text')).toHaveText('Answered through node B');
    await expect(theirs.locator('.comment-replies article.comment')).not.toHaveClass(/comment-sending/);

    // Back on node A: the like and the reply are there.
    await page.reload();
    await expect(mine.locator('> .comment-actions').getByRole('button', { name: 'Like (1)' })).toHaveAttribute('aria-pressed', 'false');
    await expect(mine.locator('.comment-replies .comment-text')).toHaveText('Answered through node B');
    await expect(page.getByRole('heading', { name: '2 comments' })).toBeVisible();

    // The like is taken back (Waline is sent `false`), on node B, and the count follows on A.
    await theirs.locator('> .comment-actions').getByRole('button', { name: 'Like (1)' }).click();
    await expect(theirs.locator('> .comment-actions').getByRole('button', { name: 'Like (0)' })).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(mine.locator('> .comment-actions').getByRole('button', { name: 'Like (0)' })).toBeVisible();
    await other.close();
    // Waline's avatar URLs point at a third party: nothing was fetched from one.
    expect(thirdParty).toEqual([]);
  });

  test('paging and sorting follow Waline', async ({ page, request }) => {
    const url = '/posts/talk-2';
    for (let i = 1; i <= 23; i++) {
      await postAsSomeoneElse(request, a, url, { comment: `Comment number ${i}`, nick: `Reader ${i}` });
    }
    const liked = await postAsSomeoneElse(request, b, url, { comment: 'The favourite', nick: 'Fav' });
    await api(request, b, 'PUT', `comment/${liked.objectId}`, { data: { like: true } });
    // Waline orders by its stored time, to the second: the order shown must be the order it gives.
    const order = async (sortBy, page) => (await api(request, a, 'GET',
      `comment?path=${encodeURIComponent(url)}&page=${page}&pageSize=20&sortBy=${sortBy}`)).data.data.map((c) => `comment-${c.objectId}`);
    const shown = () => topLevel(page).evaluateAll((all) => all.map((el) => el.id));

    await page.goto(`${b.site}${url}`);
    await expect(page.getByRole('heading', { name: '24 comments' })).toBeVisible();
    await expect(topLevel(page)).toHaveCount(20);
    expect(await shown()).toEqual(await order('insertedAt_asc', 1));
    await comments(page).getByRole('button', { name: 'Load more comments' }).click();
    await expect(topLevel(page)).toHaveCount(24);
    expect(await shown()).toEqual([...await order('insertedAt_asc', 1), ...await order('insertedAt_asc', 2)]);
    await expect(comments(page).getByRole('button', { name: 'Load more comments' })).toHaveCount(0);
    await comments(page).getByLabel('Sort comments').selectOption('upvotes');
    await expect(topLevel(page).first()).toContainText('The favourite');
    await comments(page).getByLabel('Sort comments').selectOption('newest');
    await expect(topLevel(page)).toHaveCount(20);
    await expect.poll(shown).toEqual(await order('insertedAt_desc', 1));
  });

  test('backslashes and quotes come back byte for byte', async ({ page, request }) => {
    const name = String.raw`O'Brien \ "Q" \' \\ \n ''`;
    const text = String.raw`It's "quoted" \' \\ \n and the code ` + '`' + String.raw`C:\new\table 'a' "b" \'` + '`';
    await page.goto(`${a.site}/posts/talk-3`);
    await page.getByLabel('Name').fill(name);
    await textBox(page).fill(text);
    await page.getByRole('button', { name: 'Post comment' }).click();
    const mine = topLevel(page).first();
    await expect(mine).not.toHaveClass(/comment-sending/);
    await page.reload();
    await expect(mine.locator('.comment-author')).toHaveText(name);
    await expect(mine.locator('.comment-text code')).toHaveText(String.raw`C:\new\table 'a' "b" \'`);
    // What Waline stored and sends back as typed (`orig`), through the other node.
    const listed = await api(request, b, 'GET', `comment?path=${encodeURIComponent('/posts/talk-3')}&page=1&pageSize=10&sortBy=insertedAt_asc`);
    expect(listed.data.data[0].nick).toBe(name);
    expect(listed.data.data[0].orig).toBe(text);
    // And what is in PostgreSQL.
    const stored = walineScript('psql', '--cluster', a.cluster, '--db', a.db, '-tA', '-c',
      "SELECT nick || E'\\x1f' || comment FROM wl_comment WHERE url = '/posts/talk-3'");
    expect(stored.replace(/\n$/, '')).toBe(`${name}\x1f${text}`);
  });
});

test.describe('a Waline account', () => {
  const site = walineSites.a;

  test('sign in, then edit and delete your own comments; the token lives in this session only', async ({ page, request, context, browser }) => {
    const rita = await account(request, site, 'Rita');
    await page.goto(`${site.site}/posts/talk-4`);
    await expect(comments(page)).toContainText('cannot be edited or deleted afterwards');
    await comments(page).getByText('Sign in to edit and delete your comments').click();
    const signIn = comments(page).getByRole('form', { name: 'Sign in to edit and delete your comments' });
    await signIn.getByLabel('Email').fill(rita.email);
    await signIn.getByLabel('Password').fill('not her password');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(signIn.getByRole('alert')).toContainText('did not accept this email and password');
    await signIn.getByLabel('Password').fill(rita.password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(comments(page)).toContainText('Signed in as Rita');

    const storage = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
    const signedToken = await token(request, site, rita);
    expect(storage.session).toContain(signedToken);
    expect(storage.local).not.toContain(signedToken);
    expect(storage.local).not.toContain(rita.password);
    expect(storage.session).not.toContain(rita.password);

    await textBox(page).fill('Mine to change');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const mine = topLevel(page).first();
    await expect(mine.locator('.comment-author')).toHaveText('Rita');
    await mine.getByRole('button', { name: 'Edit' }).click();
    await textBox(mine).fill('Changed while *signed in*');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await expect(mine.locator('> .comment-text')).toHaveText('Changed while signed in');
    await page.reload();
    await expect(comments(page)).toContainText('Signed in as Rita');
    await expect(mine.locator('> .comment-text em')).toHaveText('signed in');

    // Someone else's comment stays out of reach.
    await postAsSomeoneElse(request, site, '/posts/talk-4', { comment: 'Not hers' });
    await page.reload();
    const notHers = topLevel(page).filter({ hasText: 'Not hers' });
    await expect(notHers.getByRole('button', { name: 'Edit' })).toHaveCount(0);

    // Another reader sees no edit buttons; a new browser session is signed out.
    const other = await browser.newPage();
    await other.goto(`${site.site}/posts/talk-4`);
    await expect(topLevel(other).first()).toContainText('signed in');
    await expect(other.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(comments(other)).toContainText('cannot be edited or deleted afterwards');
    await other.close();

    await mine.locator('> .comment-actions').getByRole('button', { name: 'Delete' }).click();
    await mine.getByRole('group', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(topLevel(page)).toHaveCount(1);
    await page.reload();
    await expect(topLevel(page)).toHaveCount(1);
    await expect(topLevel(page).first()).toContainText('Not hers');

    await comments(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(comments(page)).toContainText('cannot be edited or deleted afterwards');
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(signedToken);
    void context;
  });
});

test.describe('with a moderated Waline', () => {
  const site = walineSites.moderated;

  test('a comment awaiting moderation shows so to its author only, until approved', async ({ page, browser, request }) => {
    await page.goto(`${site.site}/posts/talk-5`);
    await textBox(page).fill('Please approve me');
    const posted = page.waitForResponse((r) => r.url().startsWith(`${site.waline}api/comment`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const answer = await (await posted).json();
    expect(answer.data.status).toBe('waiting');
    const mine = topLevel(page).first();
    await expect(mine).toContainText('Awaiting moderation');
    await page.reload();
    await expect(mine).toContainText('Please approve me');
    await expect(mine).toContainText('Awaiting moderation');
    const other = await browser.newPage();
    await other.goto(`${site.site}/posts/talk-5`);
    await expect(comments(other)).toContainText('No comments yet');

    const moderator = await token(request, site, waline.moderator);
    const approved = await api(request, site, 'PUT', `comment/${answer.data.objectId}`, { data: { status: 'approved' }, token: moderator });
    expect(approved.errno).toBe(0);
    await other.reload();
    await expect(topLevel(other)).toHaveCount(1);
    await expect(topLevel(other).first()).toContainText('Please approve me');
    await other.close();
    await page.reload();
    await expect(topLevel(page)).toHaveCount(1);
    await expect(topLevel(page).first()).not.toContainText('Awaiting moderation');
  });
});

test.describe('with a strict Waline (one comment per address every 30 seconds)', () => {
  const site = walineSites.strict;

  test('a refused post shows Waline\'s reason, is rolled back, and the draft survives a reload', async ({ page }) => {
    await page.goto(`${site.site}/posts/talk-6`);
    await textBox(page).fill('The first is fine');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(topLevel(page)).toHaveCount(1);
    await expect(topLevel(page).first()).not.toHaveClass(/comment-sending/);
    await textBox(page).fill('The second is too soon');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const alert = comments(page).locator('.form-error');
    await expect(alert).toContainText('Comment too fast!');
    await expect(alert).toContainText('Your text is kept');
    await expect(topLevel(page)).toHaveCount(1);
    await page.reload();
    await expect(textBox(page)).toHaveValue('The second is too soon');
  });
});

test.describe('when a Waline node is down', () => {
  const [spare, a] = [walineSites.spare, walineSites.a];

  test('its readers are told, the other nodes still serve the thread, and it comes back', async ({ page, request }) => {
    await postAsSomeoneElse(request, a, '/posts/talk-7', { comment: 'Served by every node' });
    walineScript('node', 'stop', '--name', spare.node);
    try {
      await page.goto(`${spare.site}/posts/talk-7`);
      await expect(page.locator('article h1')).toHaveText('Talk 7');
      await expect(comments(page).getByRole('alert')).toContainText('could not be reached');
      await textBox(page).fill('Written while the node is down');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await expect(comments(page).locator('.form-error')).toContainText('Your text is kept');
      await expect(textBox(page)).toHaveValue('Written while the node is down');

      const other = await page.context().newPage();
      await other.goto(`${a.site}/posts/talk-7`);
      await expect(topLevel(other).first()).toContainText('Served by every node');
      await other.close();
    } finally {
      walineScript('node', 'start', '--name', spare.node, '--port', String(spare.nodePort), '--cluster', spare.cluster, '--db', spare.db);
    }
    await comments(page).getByRole('button', { name: 'Try again' }).click();
    await expect(topLevel(page).first()).toContainText('Served by every node');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(topLevel(page).filter({ hasText: 'Written while the node is down' })).toHaveCount(1);
  });
});

test.describe('when PostgreSQL stops', () => {
  const site = walineSites.outage;

  test('the reader gets a clear message, keeps the draft, and it all works again when it is back', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`${site.site}/posts/talk-8`);
    await textBox(page).fill('Before the outage');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(topLevel(page)).toHaveCount(1);
    await expect(topLevel(page).first()).not.toHaveClass(/comment-sending/);

    walineScript('pg', 'stop', '--cluster', site.cluster);
    try {
      await textBox(page).fill('During the outage');
      await page.getByRole('button', { name: 'Post comment' }).click();
      const problem = comments(page).locator('.form-error');
      await expect(problem).toContainText('The comments server had a problem');
      await expect(problem).toContainText('Your text is kept');
      await expect(textBox(page)).toHaveValue('During the outage');
      await expect(topLevel(page)).toHaveCount(1);
      await page.reload();
      await expect(comments(page).getByRole('alert')).toContainText('The comments server had a problem');
      await expect(textBox(page)).toHaveValue('During the outage');
    } finally {
      walineScript('pg', 'start', '--cluster', site.cluster, '--port', String(waline.clusters[site.cluster]));
    }
    // Waline reconnects by itself; the reader tries again.
    await expect(async () => {
      await comments(page).getByRole('button', { name: 'Try again' }).click();
      await expect(topLevel(page).first()).toContainText('Before the outage', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(topLevel(page)).toHaveCount(2);
    // Shown at once, stored when Waline answers: reloading before that would abort the post.
    await expect(topLevel(page).nth(1)).not.toHaveClass(/comment-sending/);
    await page.reload();
    await expect(topLevel(page).nth(1)).toContainText('During the outage');
  });
});

test.describe('the hostile corpus through Waline', () => {
  const site = walineSites.b;
  // Waline refuses the same text twice from the same name ("Duplicate Content"): each payload once.
  const payloads = [...new Set(JSON.parse(readFileSync('../shared/corpus/xss-vectors.json', 'utf8')).map((v) => v.payload))];

  test('in nick, link and text: shown as text, nothing runs, no link to a script', async ({ page, request }) => {
    test.setTimeout(120_000);
    const url = '/posts/talk-9';
    // Waline's nick and link columns hold 255 characters (our form allows fewer).
    for (const payload of payloads) {
      await postAsSomeoneElse(request, site, url, { comment: payload, nick: payload.slice(0, 255), link: payload.slice(0, 255) });
    }
    await page.addInitScript(() => {
      window.__fired = [];
      for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => window.__fired.push([name, String(args[0])]);
    });
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const outside = [];
    page.on('request', (r) => !r.url().startsWith('http://127.0.0.1') && outside.push(r.url()));
    await page.goto(`${site.site}${url}`);
    await expect(page.getByRole('heading', { name: `${payloads.length} comments` })).toBeVisible();
    const more = comments(page).getByRole('button', { name: 'Load more comments' });
    while (await topLevel(page).count() < payloads.length) {
      const shown = await topLevel(page).count();
      await more.click();
      await expect(topLevel(page)).not.toHaveCount(shown);
    }
    await page.mouse.move(10, 10);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(1500);
    const report = await page.evaluate(() => {
      const root = document.querySelector('section.comments');
      const bad = [];
      for (const tag of ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'img', 'video', 'audio', 'base', 'meta', 'link', 'form']) {
        if (root.querySelector(`.comment-text ${tag}`)) bad.push(`<${tag}>`);
      }
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) {
          const value = (el.getAttribute(attr) || '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (attr.startsWith('on')) bad.push(`${el.tagName} ${attr}`);
          if (['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href'].includes(attr) && /^(javascript|data|vbscript):/.test(value)) bad.push(`${attr}=${value}`);
        }
      }
      const authors = [...root.querySelectorAll('.comment-list > li > article .comment-author')].map((el) => el.textContent);
      const links = [...root.querySelectorAll('a.comment-author')].map((el) => el.getAttribute('href'));
      return { bad, fired: window.__fired, authors, links };
    });
    expect(report.bad).toEqual([]);
    expect(report.fired).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    // Every nick shown exactly as typed (whitespace-only ones show as Anonymous).
    const expected = payloads.map((p) => (p.slice(0, 255).trim() ? p.slice(0, 255) : 'Anonymous'));
    expect(report.authors.sort()).toEqual(expected.sort());
    for (const href of report.links) expect(href).toMatch(/^(https?:|mailto:)/i);
  });
});
