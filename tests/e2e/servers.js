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

// Waline (scripts/waline.sh): nodes over PostgreSQL databases. Nodes a, b and spare are three
// nodes of one service (one database); the outage node has a cluster of its own, which its test
// stops and starts again without disturbing the others.
const waline = {
  // cluster: PostgreSQL port
  clusters: { e2e: 15432, outage: 15433 },
  // name: [static site port, node port, cluster, database, extra node options]
  nodes: {
    a: [4191, 8191, 'e2e', 'main', []],
    b: [4192, 8192, 'e2e', 'main', []],
    spare: [4193, 8193, 'e2e', 'main', []],
    moderated: [4194, 8194, 'e2e', 'moderated', ['--audit']],
    strict: [4195, 8195, 'e2e', 'strict', ['--ipqps', '30']],
    outage: [4196, 8196, 'outage', 'outage', []],
  },
  // The first account on each database is Waline's administrator (scripts/waline.sh makes it).
  moderator: { email: 'moderator@example.org', password: 'moderator-test-only' },
};

const walineSites = Object.fromEntries(Object.entries(waline.nodes).map(([name, [sitePort, nodePort, cluster, db]]) => [
  name, {
    dir: `.build/e2e-waline-${name}`, site: `http://127.0.0.1:${sitePort}`, waline: `http://127.0.0.1:${nodePort}/`,
    node: `e2e-${name}`, nodePort, cluster, db,
  },
]));

/** The scripts/waline.sh commands that start every Waline server, in order (nodes last). */
function walineCommands() {
  const lines = Object.entries(waline.clusters).map(([cluster, port]) => `pg start --cluster ${cluster} --port ${port} --fresh`);
  const dbs = [...new Set(Object.values(waline.nodes).map(([, , cluster, db]) => `${cluster} ${db}`))];
  lines.push(...dbs.map((pair) => { const [cluster, db] = pair.split(' '); return `db create --cluster ${cluster} --db ${db}`; }));
  lines.push(...Object.entries(waline.nodes).map(([name, [, port, cluster, db, extra]]) =>
    ['node start --name', `e2e-${name}`, '--port', port, '--cluster', cluster, '--db', db, ...extra].join(' ')));
  return lines;
}

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
  // A site built by `broadsheet build` from Markdown, a photo and imported posts (prepare-site.mjs).
  content: { port: 4183, dir: '.build/e2e-content-site', csp: csp() },
};

module.exports = { isso, sites, strictSites, csp, waline, walineSites };

// `node tests/e2e/servers.js isso-args` prints one line per Isso server for scripts/test.sh.
if (require.main === module && process.argv[2] === 'isso-args') {
  for (const [name, [sitePort, issoPort, extra, moreOrigins = []]] of Object.entries(isso)) {
    const origins = [`http://127.0.0.1:${sitePort}`, ...moreOrigins].join(',');
    console.log([`--name`, `e2e-${name}`, `--port`, issoPort, `--host`, origins, ...extra].join(' '));
  }
}

// `node tests/e2e/servers.js waline-commands` prints the scripts/waline.sh commands for scripts/test.sh.
if (require.main === module && process.argv[2] === 'waline-commands') {
  for (const line of walineCommands()) console.log(line);
}
