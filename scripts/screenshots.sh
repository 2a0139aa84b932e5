#!/usr/bin/env bash
# Rewrites the screenshot tests' reference pictures (tests/e2e/screenshots/) from a fresh release
# build: those that no longer match and those missing, never the others. `make test` only compares
# (a missing or different picture fails it); this is the one way to change a reference, on purpose.
# Look at every picture it lists before committing them. Extra arguments go to Playwright, e.g.
#   scripts/screenshots.sh -g '1280 px'
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$root"
scripts/setup.sh test
# The same build as scripts/test.sh's, so that the pictures are those make test will take.
scripts/release.sh --site-url http://127.0.0.1:4173/
E2E_SITES=main npx playwright test --project=screenshots --update-snapshots=changed "$@"
echo "Changed or new reference pictures (look at each before committing):"
git status --short -- tests/e2e/screenshots
