#!/usr/bin/env bash
# The Python package (crates/py) and its Spark functions: builds the wheel with
# maturin, installs it into a venv with pyspark and pyarrow, and runs pytest
# (Python API and a Spark local[2] job against the `shudu` CLI on the sample
# texts and ../shared/corpus/real/). The venv (target/py-venv) and the wheel
# (target/py-wheels/<hash of the sources>) are kept, so a second run only
# runs the tests. Arguments go to pytest (e.g. -k spark); `--bench [ARGS]` runs
# bench/py_bench.py instead (documents per CPU-second; ARGS go to it).
# SHUDU_CLI: the CLI to compare with (default: target/release/shudu, built now).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1;32m== %s ==\033[0m\n' "$*" >&2; }

venv=target/py-venv
requirements='pyspark>=4,<5 pyarrow>=14 maturin>=1.7,<2 pytest pandas<3'
if [ ! -f "$venv/ready" ] || [ "$(cat "$venv/ready")" != "$requirements" ]; then
    step "Python venv ($venv)"
    command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless; }
    python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null \
        || { apt-get update -qq && apt-get install -y -qq python3-venv; }
    rm -rf "$venv"
    python3 -m venv "$venv"
    # shellcheck disable=SC2086 # the requirements are words
    "$venv/bin/pip" install -q --disable-pip-version-check $requirements
    echo "$requirements" > "$venv/ready"
fi

# The wheel depends on the engine's and the package's sources only.
key=$( { find crates/core/src crates/core/data crates/py/src crates/py/python -type f -print0 \
    | sort -z | xargs -0 sha256sum; sha256sum Cargo.toml Cargo.lock crates/core/Cargo.toml \
    crates/py/Cargo.toml crates/py/pyproject.toml; } | sha256sum | cut -c1-16)
wheels="target/py-wheels/$key"
if ! ls "$wheels"/shudu-*.whl >/dev/null 2>&1; then
    step "build the wheel (maturin, release)"
    rm -rf target/py-wheels
    CARGO_TARGET_DIR="$PWD/target/py-build" "$venv/bin/maturin" build --release \
        -m crates/py/Cargo.toml --out "$wheels" --interpreter "$venv/bin/python"
fi
if [ "$(cat "$venv/wheel" 2>/dev/null)" != "$key" ]; then
    "$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$wheels"/shudu-*.whl
    echo "$key" > "$venv/wheel"
fi

if [ -z "${SHUDU_CLI:-}" ]; then
    step "the release CLI (to compare with)"
    cargo build --release -p shudu-cli
    export SHUDU_CLI="$PWD/target/release/shudu"
fi

export PYSPARK_PYTHON="$PWD/$venv/bin/python" PYSPARK_DRIVER_PYTHON="$PWD/$venv/bin/python"
if [ "${1:-}" = --bench ]; then
    shift
    step "documents per CPU-second: CLI, Python API, Spark (bench/py_bench.py)"
    [ -f bench/corpus/batch/0999.txt ] || node bench/corpus.mjs
    exec "$venv/bin/python" bench/py_bench.py --cli "$SHUDU_CLI" "$@"
fi

step "pytest (Python API, Spark local[2])"
cd crates/py
exec "../../$venv/bin/python" -m pytest -q tests "$@"
