#!/usr/bin/env bash
# Install whatever is missing to build, serve and test Shudu. Safe to re-run:
# everything already present at the right version is skipped in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

# Trunk 0.21.14 (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14'; then
    say "installing trunk 0.21.14 (takes several minutes once)"
    cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
    say "installing wasm-bindgen-cli $wbg (takes several minutes once)"
    cargo install wasm-bindgen-cli --version "=$wbg"
fi

# cargo-deny for the licence, ban and source checks (scripts/test.sh). Not
# fatal: test.sh says so and skips the check if it cannot be installed.
if ! cargo deny --version >/dev/null 2>&1; then
    say "installing cargo-deny (takes several minutes once)"
    cargo install cargo-deny --locked || say "cargo-deny could not be installed; its check will be skipped"
fi

# System packages: Chromium for the browser tests, clang for C parts of
# dependencies built for wasm32, CJK fonts so screenshots show the text.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v clang >/dev/null || missing+=(clang)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# playwright-core for the end-to-end tests (uses the system Chromium).
if [ ! -d crates/web/tests/e2e/node_modules/playwright-core ] || [ crates/web/tests/e2e/package-lock.json -nt crates/web/tests/e2e/node_modules ]; then
    say "installing end-to-end test packages"
    (cd crates/web/tests/e2e && npm ci --no-audit --no-fund --silent && touch node_modules)
fi
say "ready"
