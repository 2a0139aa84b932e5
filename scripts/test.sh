#!/usr/bin/env bash
# Runs every test, in order of speed: the model natively, the components in headless Chromium, then
# the release build end to end in Chromium. Installs whatever is missing first.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$root"
scripts/setup.sh test

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Model: native cargo test (no browser)"
cargo test --no-default-features --lib

step "Article schema: demo files validate, broken ones do not"
"$VENV/bin/python" tests/schema_check.py

step "Components: wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT=180 cargo test --target wasm32-unknown-unknown --test web

step "Release build"
trunk build --release

step "End to end: Playwright in Chromium against the release build on a static server"
npx playwright test
