#!/usr/bin/env bash
# The release WebAssembly, split into chunks that load on demand (see src/chunks.rs), following the
# steps cargo-leptos takes for Leptos' own split builds:
#   1. cargo, keeping the linker's relocations (wasm-split needs them to move code between modules);
#   2. wasm-split: the main module, one chunk per split point (plus chunks of code they share) and a
#      small JavaScript loader (__wasm_split.js);
#   3. wasm-bindgen on the main module only, keeping the exports the chunks link against;
#   4. wasm-opt -Oz on the main module and on every chunk.
# Usage: scripts/build_wasm.sh OUT_DIR   (writes broadsheet.js, broadsheet_bg.wasm, the chunks and
# __wasm_split.js into OUT_DIR; scripts/assemble.mjs names them by content and links them)
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$root"
out="${1:?usage: scripts/build_wasm.sh OUT_DIR}"
raw=target/wasm32-unknown-unknown/release/broadsheet.wasm
rm -rf "$out" && mkdir -p "$out/split"

# BROADSHEET_FEATURES: the crate's features (the languages benchmark builds its baseline with
# `split,english-only`; see Cargo.toml).
cargo rustc --quiet --release --target "$RUST_WASM_TARGET" --lib --crate-type cdylib --features "${BROADSHEET_FEATURES:-split}" \
  -- -C link-arg=--emit-relocs
wasm-split-cli --target web --out-name broadsheet "$raw" "$out/split"
wasm-bindgen --target web --keep-lld-exports --no-demangle --out-dir "$out" --out-name broadsheet "$out/split/broadsheet.wasm"

# The features rustc enables for wasm32-unknown-unknown; wasm-opt must know them to keep them.
features=(--enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-reference-types --enable-multivalue)
# (wasm-opt warns about a name subsection it does not know, one line per module: harmless.)
optimize() { wasm-opt -Oz "${features[@]}" "$1" -o "$2" 2> >(grep -v 'unknown name subsection' >&2); }
optimize "$out/broadsheet_bg.wasm" "$out/broadsheet_bg.wasm"
for chunk in "$out"/split/*.wasm; do
  [ "$(basename "$chunk")" = broadsheet.wasm ] && continue
  optimize "$chunk" "$out/$(basename "$chunk")"
done
cp "$out/split/__wasm_split.js" "$out/"
rm -rf "$out/split" "$out"/*.d.ts
