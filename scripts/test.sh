#!/usr/bin/env bash
# Set up and run every test: engine (native), engine in headless Chromium
# (wasm-bindgen-test), the figure scorer on the dev gold, and end-to-end
# tests of the built site in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1;32m== %s ==\033[0m\n' "$*"; }

scripts/setup.sh

step "format and lints (rustfmt, clippy -D warnings, native and wasm)"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p shudu-web --target wasm32-unknown-unknown -- -D warnings

step "dependencies: licences, bans, sources; third-party notices current"
if cargo deny --version >/dev/null 2>&1; then
    cargo deny check licenses bans sources
else
    echo "cargo-deny is not installed (scripts/setup.sh could not install it): licence check skipped"
fi
python3 scripts/notices.py --check

step "native tests (engine, CLI)"
cargo test --workspace --release

step "Python package and Spark (crates/py)"; scripts/test-py.sh

step "engine inside WebAssembly, headless Chromium"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo test -p shudu-core --release --target wasm32-unknown-unknown --test wasm

step "build the site"
scripts/build-site.sh

step "end-to-end tests in Chromium"
(cd crates/web/tests/e2e && node --test --test-concurrency=1)

step "all tests passed"
