// The servers the end-to-end tests use: one static server per site, and the Isso comments servers
// that scripts/test.sh starts (scripts/isso.sh) before Playwright runs. Page and Isso share the
// host 127.0.0.1, so Isso's edit cookie is first-party, as in the README's same-site set-up.
const isso = {
  // name: [static site port, Isso port, extra isso.sh options]
  main: [4174, 8181, [], ['http://127.0.0.1:4178']],
  moderated: [4175, 8182, ['--moderation']],
  strict: [4176, 8183, ['--ratelimit', '1']],
};

const sites = Object.fromEntries(Object.entries(isso).map(([name, [sitePort, issoPort]]) => [
  name, { dir: `.build/e2e-isso-${name}`, site: `http://127.0.0.1:${sitePort}`, isso: `http://127.0.0.1:${issoPort}/` },
]));

/** The strict Content-Security-Policy the README documents, for a site whose comments go to `isso`. */
function csp(isso = '') {
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'${isso ? ` ${isso.replace(/\/$/, '')}` : ''}`;
}

/** Sites served by tests/e2e/static-server.mjs: under a CSP header, and under a sub-path. */
const strictSites = {
  csp: { port: 4177, dir: '.build/e2e-site', csp: csp() },
  cspIsso: { port: 4178, dir: '.build/e2e-isso-main', csp: csp(sites.main.isso) },
  news: { port: 4179, dir: '.build/dist-news', prefix: '/news/' },
  hostile: { port: 4181, dir: '.build/e2e-hostile-site', csp: csp() },
  // A host that answers every unknown address with index.html (the featured article's page), 200.
  indexFallback: { port: 4182, dir: '.build/e2e-site', fallback: 'index' },
};

module.exports = { isso, sites, strictSites, csp };

// `node tests/e2e/servers.js isso-args` prints one line per Isso server for scripts/test.sh.
if (require.main === module && process.argv[2] === 'isso-args') {
  for (const [name, [sitePort, issoPort, extra, moreOrigins = []]] of Object.entries(isso)) {
    const origins = [`http://127.0.0.1:${sitePort}`, ...moreOrigins].join(',');
    console.log([`--name`, `e2e-${name}`, `--port`, issoPort, `--host`, origins, ...extra].join(' '));
  }
}
