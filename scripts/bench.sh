#!/usr/bin/env bash
# Benchmarks in one run: the engine natively (cargo bench + the shudu CLI) and the built site
# in headless Chromium (engine ready time, paints, transfer, whole-analysis throughput and
# memory on a 10 MB corpus, a 1,000-article batch), next to jieba-wasm on the same text, and
# the Python package and Spark in documents per CPU-second (bench/py_bench.py).
# Prints a table; every number goes to bench/results.json. Extra arguments go to
# bench/run.mjs (e.g. --runs 5, --skip-native). Exits non-zero only when a measurement
# broke, not when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1;32m== %s ==\033[0m\n' "$*" >&2; }

scripts/setup.sh

step "build the release CLI"
cargo build --release -p shudu-cli

step "build the site"
# One retry: a build running at the same time in the same dist/ can make one fail.
scripts/build-site.sh || { echo "bench: site build failed; retrying once" >&2; sleep 5; scripts/build-site.sh; }

step "benchmark packages (playwright-core, jieba-wasm)"
if [ ! -d bench/node_modules/jieba-wasm ] || [ ! -d bench/node_modules/playwright-core ] \
    || [ bench/package-lock.json -nt bench/node_modules ]; then
    (cd bench && npm ci --no-audit --no-fund --silent && touch node_modules)
fi

step "corpus (bench/corpus/)"
node bench/corpus.mjs

step "Python API and Spark: documents per CPU-second (bench/results-py.json)"
SHUDU_CLI="$PWD/target/release/shudu" scripts/test-py.sh --bench

step "measure"
exec node bench/run.mjs "$@"
