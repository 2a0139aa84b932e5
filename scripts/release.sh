#!/usr/bin/env bash
# The release build: the WebAssembly split into chunks (scripts/build_wasm.sh), the app around it
# (scripts/assemble.mjs: hashed assets, SRI, widget.js, 404.html), then `broadsheet build`: the
# articles and pictures from content/, the pre-rendered pages, feeds and sitemap, then precompressed
# siblings of everything. (trunk serves development only.)
#   scripts/release.sh [--dist DIR] [--public-url /path/] [--site-url https://example.org/path/]
# The site URL (absolute, for canonical links and feeds) defaults to SITE_URL, else the demo's
# http://127.0.0.1:8080 plus the public URL.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$root"
dist=dist public_url=/ site_url="${SITE_URL:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --public-url) public_url="$2"; shift 2 ;;
    --site-url) site_url="$2"; shift 2 ;;
    *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
site_url="${site_url:-http://127.0.0.1:8080${public_url}}"
scripts/build_wasm.sh .build/wasm
node scripts/assemble.mjs --dist "$dist" --public-url "$public_url" --wasm .build/wasm
scripts/broadsheet build --dist "$dist" --site-url "$site_url"
