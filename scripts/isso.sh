#!/usr/bin/env bash
# Runs a throwaway Isso 0.14 comments server for tests (API notes: docs/isso-api-notes.md).
#
#   scripts/isso.sh start [--port P] [--host ORIGIN[,ORIGIN...]] [--name NAME] [--moderation]
#                         [--no-guard] [--ratelimit N] [--direct-reply N] [--max-age DURATION]
#   scripts/isso.sh stop  [--name NAME]
#   scripts/isso.sh status [--name NAME]
#
# start: writes .build/isso/NAME/isso.cfg with a fresh, empty SQLite db beside it, starts Isso
#        in the background on 127.0.0.1:P (pid in isso.pid, output in isso.log), waits until
#        GET /config answers 200, then prints the server's URL (the only thing on stdout, so
#        `url=$(scripts/isso.sh start)` works). A running instance of the same NAME is stopped
#        first, so start always leaves a fresh server with exactly the options given.
# stop:  stops it; does nothing when it is not running.
#
# Defaults: NAME=default, P=8081, ORIGIN=http://127.0.0.1:${E2E_PORT:-4173} (the Playwright
# site). ORIGINs are Isso's `host`: its CORS allow-list, compared exactly (scheme, host, port).
#
# The guard stays on (so tests see Isso's real checks) but with limits no test run reaches:
# Isso's defaults, 2 comments a minute and 3 top-level comments per thread from one address,
# would block a test suite where every request comes from 127.0.0.1. --ratelimit and
# --direct-reply lower them to test the refusal; --no-guard turns the guard off (bulk seeding
# with scripts/isso_seed.py). --max-age shortens the edit/delete window (default 15m; Isso
# accepts 30s, 15m, 1h...). The guard, likes and author hashes go by client address (in /24
# blocks), and Isso 0.14 always takes that from an X-Forwarded-For header when one is sent, so
# a test can act as several people by sending one.
set -euo pipefail
. "$(dirname "$0")/env.sh"

say() { printf '\033[1m[isso]\033[0m %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
usage() { sed -n '4,7s/^# //p' "$0" >&2; exit 2; }

cmd="${1:-}"; [ $# -gt 0 ] && shift
name=default port=8081 hosts="http://127.0.0.1:${E2E_PORT:-4173}"
moderation=false guard=true ratelimit=1000 direct_reply=1000 max_age=15m
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --host) hosts="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --moderation) moderation=true; shift ;;
    --no-guard) guard=false; shift ;;
    --ratelimit) ratelimit="$2"; shift 2 ;;
    --direct-reply) direct_reply="$2"; shift 2 ;;
    --max-age) max_age="$2"; shift 2 ;;
    *) usage ;;
  esac
done
[[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "--name: letters, digits, '.', '_' and '-' only"
[[ "$port" =~ ^[0-9]+$ ]] || die "--port: a number"

dir="$root/.build/isso/$name"
cfg="$dir/isso.cfg" pidfile="$dir/isso.pid" log="$dir/isso.log"
isso="$VENV/bin/isso"

# The pid in isso.pid, if that process is still our Isso (a stale pid may have been reused).
running_pid() {
  local pid cmdline
  pid="$(cat "$pidfile" 2>/dev/null)" && [ -n "$pid" ] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"-c $cfg run"* ]] || return 1
  echo "$pid"
}

config_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/config" || true; }
# A process that exited but was not reaped yet (a zombie) counts as gone.
alive() { local state; state="$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null)"; [ -n "$state" ] && [ "$state" != Z ]; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
    say "stopped '$name' (pid $pid)"
  fi
  rm -f "$pidfile"
}

write_config() {
  mkdir -p "$dir"
  rm -f "$dir"/comments.db*          # a fresh database on every start
  {
    echo "# Written by scripts/isso.sh; rewritten on every start."
    echo "[general]"
    echo "dbpath = $dir/comments.db"
    echo "host ="                      # one origin per indented line
    tr ',' '\n' <<<"$hosts" | sed 's/^ *//; s/ *$//; /^$/d; s/^/    /'
    echo "max-age = $max_age"
    echo "notify = stdout"
    echo "[server]"
    echo "listen = http://127.0.0.1:$port"
    echo "[moderation]"
    echo "enabled = $moderation"
    echo "[guard]"
    echo "enabled = $guard"
    echo "ratelimit = $ratelimit"
    echo "direct-reply = $direct_reply"
    echo "reply-to-self = true"
    echo "require-author = false"
    echo "require-email = false"
  } >"$cfg"
}

start() {
  [ -x "$isso" ] || die "$isso is missing: run scripts/setup.sh test (it installs requirements.txt)"
  stop
  port_busy "$port" && die "127.0.0.1:$port is already in use by another program"
  write_config
  nohup "$isso" -c "$cfg" run >"$log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$pidfile"
  for _ in $(seq 150); do            # up to 30 s
    if [ "$(config_status "$port")" = 200 ]; then
      say "'$name' is up (pid $pid, log $log)"
      echo "http://127.0.0.1:$port/"
      return 0
    fi
    alive "$pid" || { tail -n 20 "$log" >&2; rm -f "$pidfile"; die "Isso exited during start"; }
    sleep 0.2
  done
  tail -n 20 "$log" >&2
  stop
  die "Isso did not answer GET /config within 30 s"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "'$name' running, pid $pid, $(grep -m1 '^listen' "$cfg")"
  else
    echo "'$name' not running"; return 1
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
