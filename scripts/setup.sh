#!/usr/bin/env bash
# Installs whatever Broadsheet needs and is missing; quick when everything is already there.
# Usage: scripts/setup.sh [build|test]   (test adds Chromium, chromedriver and the Python tools)
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$root"
want="${1:-build}"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx "$RUST_WASM_TARGET"; then
  say "adding Rust target $RUST_WASM_TARGET"
  rustup target add "$RUST_WASM_TARGET"
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$BROADSHEET_TOOLS/trunk-$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # --locked fails against this registry mirror (a locked dependency is missing), so resolve afresh.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$BROADSHEET_TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli has no --version: the version is in its install folder's name.
if [ ! -x "$BROADSHEET_TOOLS/wasm-split-$WASM_SPLIT_VERSION/bin/wasm-split-cli" ]; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary \
    --root "$BROADSHEET_TOOLS/wasm-split-$WASM_SPLIT_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (wasm-opt, Playwright, axe-core, static server)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want" = test ] || [ "$want" = bench ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and chromedriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The screenshot tests' fonts, at the versions their reference pictures were drawn with.
  for pinned in $SCREENSHOT_FONTS; do
    if [ "$(dpkg-query -W -f='${Version}' "${pinned%%=*}" 2>/dev/null)" != "${pinned#*=}" ]; then
      say "installing the screenshot tests' fonts from Debian ($SCREENSHOT_FONTS)"
      apt-get update -qq
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --allow-downgrades $SCREENSHOT_FONTS >/dev/null
      break
    fi
  done
  # Waline's tests and bench: PostgreSQL 15 (Debian's) and the pinned Waline server and client.
  if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    say "installing PostgreSQL 15 from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  fi
  # Reinstalled when the lock file's content changes (not its date: a checkout touches that).
  waline_lock="$(sha256sum tests/waline/package-lock.json | cut -d' ' -f1)"
  if [ "$(cat tests/waline/node_modules/.broadsheet-lock 2>/dev/null)" != "$waline_lock" ]; then
    say "installing Waline (server and client) into tests/waline/node_modules"
    # --ignore-scripts: Waline's SQLite driver would download a prebuilt binary; we use PostgreSQL.
    (cd tests/waline && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$waline_lock" >tests/waline/node_modules/.broadsheet-lock
  fi
  if [ ! -x "$VENV/bin/python" ] || [ requirements.txt -nt "$VENV/.installed" ]; then
    say "installing Python tools into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements.txt
    touch "$VENV/.installed"
  fi
fi

if [ "$want" = bench ] && ! grep -qs "\"version\": \"$LIGHTHOUSE_VERSION\"" .build/lighthouse/node_modules/lighthouse/package.json; then
  say "installing lighthouse $LIGHTHOUSE_VERSION into .build/lighthouse (for the benchmark)"
  npm install --prefix .build/lighthouse --no-audit --no-fund --loglevel=error --no-save "lighthouse@$LIGHTHOUSE_VERSION"
fi

cargo fetch --quiet
