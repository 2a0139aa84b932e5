# Sourced by every script: puts the project's tools on PATH and tells trunk which versions to expect.
# Tools live outside the checkout (shared between clones) so a fresh clone does not rebuild them.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=versions.env
. "$here/versions.env"
export BROADSHEET_TOOLS="${BROADSHEET_TOOLS:-$HOME/.cache/broadsheet/tools}"
export PATH="$BROADSHEET_TOOLS/trunk-$TRUNK_VERSION/bin:$BROADSHEET_TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION/bin:$BROADSHEET_TOOLS/wasm-split-$WASM_SPLIT_VERSION/bin:$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_TOOLS_WASM_BINDGEN="$WASM_BINDGEN_VERSION"
export TRUNK_TOOLS_WASM_OPT="version_$BINARYEN_VERSION"
export VENV="$root/.build/venv"
