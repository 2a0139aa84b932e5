// End-to-end tests: the release build (dist/) plus test fixtures, served by a plain static server,
// driven in Debian's Chromium (Playwright never downloads a browser here).
const { defineConfig } = require('@playwright/test');

const port = Number(process.env.E2E_PORT || 4173);

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
  webServer: {
    command: `node tests/e2e/prepare-site.mjs && npx http-server .build/e2e-site -a 127.0.0.1 -p ${port} -c-1 -s`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
