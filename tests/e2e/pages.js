// Shared by the end-to-end specs.

/** Pre-rendered pages become interactive when the app has taken them over (src/enhance.rs marks
 * <main data-enhanced>); before that, their links are plain links. */
async function takenOver(page) {
  await page.locator('main[data-enhanced]').waitFor();
}

module.exports = { takenOver };
