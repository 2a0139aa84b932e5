// The servers the end-to-end tests use: one static server per site, and the Isso comments servers
// that scripts/test.sh starts (scripts/isso.sh) before Playwright runs. Page and Isso share the
// host 127.0.0.1, so Isso's edit cookie is first-party, as in the README's same-site set-up.
const isso = {
  // name: [static site port, Isso port, extra isso.sh options]
  main: [4174, 8181, []],
  moderated: [4175, 8182, ['--moderation']],
  strict: [4176, 8183, ['--ratelimit', '1']],
};

const sites = Object.fromEntries(Object.entries(isso).map(([name, [sitePort, issoPort]]) => [
  name, { dir: `.build/e2e-isso-${name}`, site: `http://127.0.0.1:${sitePort}`, isso: `http://127.0.0.1:${issoPort}/` },
]));

module.exports = { isso, sites };

// `node tests/e2e/servers.js isso-args` prints one line per Isso server for scripts/test.sh.
if (require.main === module && process.argv[2] === 'isso-args') {
  for (const [name, [sitePort, issoPort, extra]] of Object.entries(isso)) {
    console.log([`--name`, `e2e-${name}`, `--port`, issoPort, `--host`, `http://127.0.0.1:${sitePort}`, ...extra].join(' '));
  }
}
