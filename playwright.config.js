// End-to-end tests: the release build (dist/) plus test fixtures, served by a plain static server,
// driven in Debian's Chromium (Playwright never downloads a browser here). Comment tests also use
// real Isso servers, started by scripts/test.sh (see tests/e2e/servers.js). The screenshot
// comparisons (tests/e2e/screenshots.spec.js) are a project of their own: the same browser with
// only the fonts scripts/setup.sh installs, and reference images in tests/e2e/screenshots/ that
// change only through `make screenshots`.
const path = require('node:path');
const { defineConfig } = require('@playwright/test');
const { sites, strictSites, walineSites } = require('./tests/e2e/servers');

const port = Number(process.env.E2E_PORT || 4173);
const launchOptions = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-quic', '--no-first-run', '--disable-gpu',
  ],
};
// `make screenshots` (scripts/screenshots.sh) needs the main test site only: E2E_SITES=main.
const mainSiteOnly = process.env.E2E_SITES === 'main';
// Each comments site's directory and its comments setting, for tests/e2e/prepare-site.mjs.
const commentSites = mainSiteOnly ? {} : Object.fromEntries([
  ...Object.values(sites).map((s) => [s.dir, `isso:${s.isso}`]),
  ...Object.values(walineSites).map((s) => [s.dir, `waline:${s.waline}`]),
]);
const serve = (dir, at) => `npx http-server ${dir} -a 127.0.0.1 -p ${at} -c-1 -s`;

// The comments sites, and the sites under a CSP header or a sub-path (see tests/e2e/servers.js).
const otherServers = [
  ...[...Object.values(sites), ...Object.values(walineSites)].map((s) => ({
    // Waits for the first server's preparation, which writes this site too.
    command: `until [ -f ${s.dir}/index.html ]; do sleep 0.2; done; ${serve(s.dir, new URL(s.site).port)}`,
    url: `${s.site}/index.html`,
    reuseExistingServer: false,
    timeout: 180_000,
  })),
  ...Object.values(strictSites).map((s) => ({
    command: `until [ -f ${s.dir}/index.html ]; do sleep 0.2; done; node tests/e2e/static-server.mjs --dir ${s.dir} --port ${s.port}`
      + (s.prefix ? ` --prefix ${s.prefix}` : '') + (s.csp ? ` --csp "${s.csp}"` : '')
      + (s.fallback ? ` --fallback ${s.fallback}` : ''),
    url: `http://127.0.0.1:${s.port}${s.prefix || '/'}index.html`,
    reuseExistingServer: false,
    timeout: 180_000,
  })),
];

module.exports = defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions,
  },
  // A missing or different reference image fails the run and is never written by it: references
  // are written only on purpose, by `make screenshots` (--update-snapshots=changed).
  updateSnapshots: 'none',
  snapshotPathTemplate: '{testDir}/screenshots/{arg}{ext}',
  expect: {
    toHaveScreenshot: {
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      // A pixel may differ a little in colour (anti-aliasing); a few dozen pixels may differ at all.
      threshold: 0.2,
      maxDiffPixels: 60,
    },
  },
  projects: [
    { name: 'e2e', testIgnore: /screenshots\.spec\.js$/ },
    {
      name: 'screenshots',
      testMatch: /screenshots\.spec\.js$/,
      use: {
        launchOptions: {
          ...launchOptions,
          // Only the fonts scripts/setup.sh installs, mapped to the CSS generic families.
          env: { ...process.env, FONTCONFIG_FILE: path.resolve(__dirname, 'tests/e2e/fonts.conf') },
        },
        deviceScaleFactor: 1,
        locale: 'en-US',
        timezoneId: 'UTC',
        reducedMotion: 'reduce',
      },
    },
  ],
  webServer: [
    {
      command: `E2E_COMMENT_SITES='${JSON.stringify(commentSites)}' node tests/e2e/prepare-site.mjs && ${serve('.build/e2e-site', port)}`,
      url: `http://127.0.0.1:${port}/index.html`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    ...(mainSiteOnly ? [] : otherServers),
  ],
});
