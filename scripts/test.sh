#!/usr/bin/env bash
# Runs every test, in order of speed: the model natively, the components in headless Chromium, then
# the release build end to end in Chromium. Installs whatever is missing first.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$root"
scripts/setup.sh test

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Model, publishing, pre-rendering and the broadsheet command: native cargo test (no browser)"
cargo test --no-default-features --lib
cargo test --no-default-features --doc
cargo test --profile tools -p broadsheet-prerender -p broadsheet-cli

step "Components: wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT=180 cargo test --target wasm32-unknown-unknown --test web

step "Release builds with pre-rendered pages (site root, and one under /news/ for the sub-path tests)"
scripts/release.sh --site-url http://127.0.0.1:4173/
scripts/release.sh --public-url /news/ --dist .build/dist-news --site-url http://127.0.0.1:4179/news/

step "Article schema: every built article validates (the demo, and a WordPress export imported), broken ones do not"
rm -rf .build/schema-check
scripts/broadsheet import wordpress tools/broadsheet/tests/fixtures/wordpress/theme-unit-test-data.xml --content .build/schema-check/content >/dev/null
scripts/broadsheet build --content-only --content .build/schema-check/content --dist .build/schema-check/dist --cache .build/schema-check/cache >/dev/null
"$VENV/bin/python" tests/schema_check.py dist/articles .build/schema-check/dist/articles

step "End to end: Playwright in Chromium against the release build on a static server"
# Real Isso servers, and Waline nodes over PostgreSQL, for the comment tests; stopped whatever happens.
mapfile -t isso_servers < <(node tests/e2e/servers.js isso-args)
mapfile -t waline_commands < <(node tests/e2e/servers.js waline-commands)
stop_servers() {
  for args in "${isso_servers[@]}"; do scripts/isso.sh stop $args >/dev/null 2>&1 || true; done
  scripts/waline.sh stop-all >/dev/null 2>&1 || true
}
trap stop_servers EXIT
# A TERM or Ctrl-C ends the script through its EXIT trap too, so the servers are stopped then.
trap 'exit 143' TERM
trap 'exit 130' INT
rm -rf .build/e2e-isso-* .build/e2e-waline-*
for args in "${isso_servers[@]}"; do scripts/isso.sh start $args >/dev/null; done
# PostgreSQL and the databases first, then the nodes side by side (each takes a few seconds).
node_pids=()
for command in "${waline_commands[@]}"; do
  case "$command" in
    "node start"*) scripts/waline.sh $command >/dev/null & node_pids+=($!) ;;
    *) scripts/waline.sh $command >/dev/null ;;
  esac
done
for pid in "${node_pids[@]}"; do wait "$pid"; done
npx playwright test
