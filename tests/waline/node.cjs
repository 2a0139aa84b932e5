// One Waline node for the tests and the bench: @waline/vercel's request handler (its index.js, as
// Vercel runs it) in a plain Node HTTP server on 127.0.0.1 only. Waline's own vanilla.js would bind
// every interface and fork a worker. Started by scripts/waline.sh, which sets the environment
// (PG_*, JWT_TOKEN, COMMENT_AUDIT, IPQPS...); this file adds two things:
//
// - OAUTH_URL: Waline fetches it on every request (the list of sign-in services) and answers 502
//   when it fails. This server answers it itself, at /__oauth-services, with no services.
// - The escaping fix for think-model-postgresql 1.1.7 (see docs/deployment.md, "Waline on
//   PostgreSQL"): it writes strings as E'…' and escapes only quotes, as \', so a backslash in a
//   comment is read as an escape (`\n` is stored as a newline) and `\'` ends the string: SQL
//   injection. Fixed here as a publisher would fix it, before Waline loads the adapter.
// - The same adapter's connection pool has no 'error' listener: when PostgreSQL ends an idle
//   connection (a restart, a failover) the error is unhandled and the node process exits. With a
//   listener the pool drops that connection and opens a new one for the next query; while the
//   database is away, requests get HTTP 500 and the node stays up. (docs/deployment.md too.)
//
//   node tests/waline/node.cjs PORT
'use strict';

const http = require('node:http');
const path = require('node:path');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node tests/waline/node.cjs PORT');
  process.exit(2);
}

const OAUTH_PATH = '/__oauth-services';
process.env.OAUTH_URL = `http://127.0.0.1:${port}${OAUTH_PATH}`;

const walineDir = path.dirname(require.resolve('@waline/vercel/package.json'));
const fromWaline = (module) => require(require.resolve(module, { paths: [walineDir] }));

/** Inside E'…' a backslash and a quote are both special: double each (\\ and ''). */
function escapePostgresString(text) {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "''");
}
fromWaline('think-model-postgresql/lib/parser.js').prototype.escapeString = escapePostgresString;

const Socket = fromWaline('think-model-postgresql/lib/socket.js');
const makePool = Object.getOwnPropertyDescriptor(Socket.prototype, 'pool').get;
Object.defineProperty(Socket.prototype, 'pool', {
  get() {
    const pool = makePool.call(this);
    if (pool.listenerCount('error') === 0) {
      pool.on('error', (error) => console.error(`PostgreSQL connection lost (${error.message}); the next query reconnects`));
    }
    return pool;
  },
});

const waline = require('@waline/vercel');
const handle = waline({});

const server = http.createServer((req, res) => {
  if (req.url === OAUTH_PATH) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"services":[]}');
    return;
  }
  handle(req, res);
});
server.keepAliveTimeout = 5_000;
server.listen(port, '127.0.0.1', () => console.log(`waline node listening on http://127.0.0.1:${port}/`));

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

module.exports = { escapePostgresString };
