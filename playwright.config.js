// End-to-end tests: the release build (dist/) plus test fixtures, served by a plain static server,
// driven in Debian's Chromium (Playwright never downloads a browser here). Comment tests also use
// real Isso servers, started by scripts/test.sh (see tests/e2e/servers.js).
const { defineConfig } = require('@playwright/test');
const { sites, strictSites, walineSites } = require('./tests/e2e/servers');

const port = Number(process.env.E2E_PORT || 4173);
// Each comments site's directory and its comments setting, for tests/e2e/prepare-site.mjs.
const commentSites = Object.fromEntries([
  ...Object.values(sites).map((s) => [s.dir, `isso:${s.isso}`]),
  ...Object.values(walineSites).map((s) => [s.dir, `waline:${s.waline}`]),
]);
const serve = (dir, at) => `npx http-server ${dir} -a 127.0.0.1 -p ${at} -c-1 -s`;

module.exports = defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-quic', '--no-first-run', '--disable-gpu',
      ],
    },
  },
  webServer: [
    {
      command: `E2E_COMMENT_SITES='${JSON.stringify(commentSites)}' node tests/e2e/prepare-site.mjs && ${serve('.build/e2e-site', port)}`,
      url: `http://127.0.0.1:${port}/index.html`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
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
  ],
});
