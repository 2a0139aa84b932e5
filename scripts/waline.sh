#!/usr/bin/env bash
# Runs throwaway Waline comments servers on a throwaway PostgreSQL, for the tests and the bench
# (the store: src/source/comments/waline.rs; publishers' set-up: docs/deployment.md).
#
#   scripts/waline.sh pg start   [--cluster C] [--port P] [--fresh]
#   scripts/waline.sh pg stop    [--cluster C]
#   scripts/waline.sh db create  [--cluster C] --db NAME
#   scripts/waline.sh node start --name N --port P [--cluster C] --db NAME [--audit] [--ipqps SECONDS]
#   scripts/waline.sh node stop  --name N
#   scripts/waline.sh psql       [--cluster C] --db NAME [psql arguments...]
#   scripts/waline.sh stop-all
#
# pg start:   a PostgreSQL 15 cluster in .build/waline/pg/C (C=default, P=15432), run as the
#             `postgres` user (initdb refuses root), listening on 127.0.0.1:P only, its socket in
#             the same folder. Reuses the cluster's data unless --fresh (a test that stops
#             PostgreSQL mid-test starts it again with its comments). fsync is off: test data.
# db create:  a fresh database NAME owned by the role `waline`, with Waline's tables
#             (tests/waline/schema.sql); an existing one of that name is dropped first.
# node start: one Waline node (tests/waline/node.cjs) on 127.0.0.1:P over database NAME; prints
#             its URL (the only thing on stdout). Nodes over one database are one comments
#             service: they share nothing else (same JWT secret, same TZ). The first account
#             Waline makes on a database is its administrator: the node makes that one,
#             moderator@example.org / moderator-test-only, so that readers' accounts never are. --audit: new comments
#             wait for moderation (COMMENT_AUDIT). --ipqps: one comment per address per that many
#             seconds (Waline's default 60; 0 here unless given, every test posts from 127.0.0.1).
# stop-all:   every node and cluster under .build/waline, whatever state they are in.
set -euo pipefail
. "$(dirname "$0")/env.sh"

say() { printf '\033[1m[waline]\033[0m %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
usage() { sed -n '4,10s/^# //p' "$0" >&2; exit 2; }

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
base="$root/.build/waline"
harness="$root/tests/waline"
DB_ROLE=waline
DB_PASSWORD=waline-test-only
# The nodes sign sign-in tokens with this: any node accepts a token made by another.
JWT_SECRET=broadsheet-waline-test-secret
MODERATOR='{"display_name":"Moderator","email":"moderator@example.org","password":"moderator-test-only"}'

what="${1:-}"; [ $# -gt 0 ] && shift
verb=""
case "$what" in pg|db|node) verb="${1:-}"; [ $# -gt 0 ] && shift ;; esac

cluster=default pg_port=15432 fresh=false db="" name="" port="" audit=false ipqps=0
if [ "$what" != psql ]; then
  while [ $# -gt 0 ]; do
    case "$1" in
      --cluster) cluster="$2"; shift 2 ;;
      --port) port="$2"; pg_port="$2"; shift 2 ;;
      --fresh) fresh=true; shift ;;
      --db) db="$2"; shift 2 ;;
      --name) name="$2"; shift 2 ;;
      --audit) audit=true; shift ;;
      --ipqps) ipqps="$2"; shift 2 ;;
      *) usage ;;
    esac
  done
else
  while [ $# -gt 0 ]; do
    case "$1" in
      --cluster) cluster="$2"; shift 2 ;;
      --db) db="$2"; shift 2 ;;
      *) break ;;
    esac
  done
fi
for value in "$cluster" "$db" "$name"; do
  [[ -z "$value" || "$value" =~ ^[a-z0-9_-]+$ ]] || die "names: lower-case letters, digits, '_' and '-' only"
done

pg_dir="$base/pg/$cluster"
as_postgres() { runuser -u postgres -- "$@"; }
# The port a cluster was started with (kept beside it, so db create and nodes find it).
cluster_port() { cat "$pg_dir/port" 2>/dev/null || die "cluster '$cluster' was never started (scripts/waline.sh pg start)"; }
pg_running() { [ -f "$pg_dir/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; }
psql_as_postgres() { as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$(cluster_port)" -U postgres "$@"; }

pg_start() {
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 is missing ($PG_BIN): run scripts/setup.sh test"
  id postgres >/dev/null 2>&1 || die "no 'postgres' user: install Debian's postgresql package (scripts/setup.sh test)"
  if pg_running; then
    [ "$fresh" = true ] || { say "cluster '$cluster' already running"; return 0; }
    pg_stop
  fi
  mkdir -p "$base/pg"
  if [ "$fresh" = true ] || [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    rm -rf "$pg_dir"
    mkdir -p "$pg_dir"
    chown postgres: "$pg_dir"
    as_postgres "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
      --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 \
      || { tail -n 20 "$pg_dir/initdb.log" >&2; die "initdb failed"; }
  fi
  echo "$pg_port" >"$pg_dir/port"
  (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null && die "127.0.0.1:$pg_port is already in use"
  as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { tail -n 20 "$pg_dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  if ! psql_as_postgres -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_ROLE'" | grep -q 1; then
    psql_as_postgres -d postgres -c "CREATE ROLE $DB_ROLE LOGIN PASSWORD '$DB_PASSWORD'"
  fi
  say "PostgreSQL '$cluster' is up on 127.0.0.1:$pg_port (data $pg_dir/data)"
}

pg_stop() {
  if pg_running; then
    as_postgres "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m fast -w -t 30 stop >/dev/null || true
    say "stopped PostgreSQL '$cluster'"
  fi
}

db_create() {
  [ -n "$db" ] || usage
  pg_running || die "cluster '$cluster' is not running"
  psql_as_postgres -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\" OWNER $DB_ROLE"
  PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(cluster_port)" -U "$DB_ROLE" -d "$db" \
    -f "$harness/schema.sql" >/dev/null
  say "database '$db' ready in cluster '$cluster'"
}

node_dir() { echo "$base/nodes/$name"; }
# The pid in the node's pid file, if that process is still this node.
node_pid() {
  local pid cmdline
  pid="$(cat "$(node_dir)/pid" 2>/dev/null)" && [ -n "$pid" ] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"tests/waline/node.cjs"* ]] || return 1
  echo "$pid"
}
alive() { local state; state="$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)"; [ -n "$state" ] && [ "$state" != Z ]; }

node_stop() {
  [ -n "$name" ] || usage
  local pid
  if pid="$(node_pid)"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -9 "$pid" 2>/dev/null || true
    say "stopped node '$name' (pid $pid)"
  fi
  rm -f "$(node_dir)/pid"
}

node_start() {
  [ -n "$name" ] && [ -n "$port" ] && [ -n "$db" ] || usage
  [[ "$port" =~ ^[0-9]+$ && "$ipqps" =~ ^[0-9]+$ ]] || die "--port and --ipqps take numbers"
  [ -f "$harness/node_modules/@waline/vercel/package.json" ] || die "Waline is not installed: run scripts/setup.sh test"
  node_stop
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "127.0.0.1:$port is already in use"
  local dir pid
  dir="$(node_dir)"
  mkdir -p "$dir/tmp"
  # `exec env -i`: nothing from the caller's environment leaks into Waline's configuration.
  nohup env -i PATH="$PATH" HOME="$dir" TMPDIR="$dir/tmp" TZ=UTC NODE_ENV=production \
    PG_HOST=127.0.0.1 PG_PORT="$(cluster_port)" PG_DB="$db" PG_USER="$DB_ROLE" PG_PASSWORD="$DB_PASSWORD" \
    JWT_TOKEN="$JWT_SECRET" AKISMET_KEY=false IPQPS="$ipqps" COMMENT_AUDIT="$audit" \
    SECURE_DOMAINS=127.0.0.1 SITE_NAME=Broadsheet \
    node "$harness/node.cjs" "$port" >"$dir/node.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$dir/pid"
  for _ in $(seq 300); do            # up to 30 s
    if curl -sf --max-time 2 -H "Referer: http://127.0.0.1/" "http://127.0.0.1:$port/api/comment?type=count&url=/" 2>/dev/null | grep -q '"errno":0'; then
      # Waline refuses a second account with the same email: harmless when it exists already.
      curl -sf --max-time 10 -H "Referer: http://127.0.0.1/" -H 'Content-Type: application/json' \
        -X POST -d "$MODERATOR" "http://127.0.0.1:$port/api/user" >/dev/null 2>&1 || true
      say "node '$name' is up on 127.0.0.1:$port over '$db' (pid $pid, log $dir/node.log)"
      echo "http://127.0.0.1:$port/"
      return 0
    fi
    alive "$pid" || { tail -n 20 "$dir/node.log" >&2; rm -f "$dir/pid"; die "node '$name' exited during start"; }
    sleep 0.1
  done
  tail -n 20 "$dir/node.log" >&2
  node_stop
  die "node '$name' did not answer within 30 s"
}

stop_all() {
  local n c
  for n in "$base"/nodes/*/; do [ -d "$n" ] && { name="$(basename "$n")"; node_stop; }; done
  for c in "$base"/pg/*/; do [ -d "$c" ] && { cluster="$(basename "$c")"; pg_dir="$base/pg/$cluster"; pg_stop; }; done
  return 0
}

case "$what/$verb" in
  pg/start) pg_start ;;
  pg/stop) pg_stop ;;
  db/create) db_create ;;
  node/start) node_start ;;
  node/stop) node_stop ;;
  psql/) [ -n "$db" ] || usage; PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -X -h 127.0.0.1 -p "$(cluster_port)" -U "$DB_ROLE" -d "$db" "$@" ;;
  stop-all/) stop_all ;;
  *) usage ;;
esac
