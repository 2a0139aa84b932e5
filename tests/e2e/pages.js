// Shared by the end-to-end specs.

/** Pre-rendered pages become interactive when the app has taken them over (src/enhance/mod.rs
 * marks <main data-enhanced>); before that, their links are plain links. Their comments go live a
 * little later (their code is a chunk loaded when they near the screen or the page is idle): wait
 * for the live section too, when the page has comments. */
async function takenOver(page) {
  await page.locator('main[data-enhanced]').waitFor();
  if (await page.locator('main section.comments').count()) {
    await page.locator('main .comments-holder section.comments').waitFor();
  }
}

module.exports = { takenOver };
