#!/usr/bin/env bash
# Build the static site into dist/ (release, offline: Trunk must not try to download tools).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release --offline
