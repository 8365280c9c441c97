#!/usr/bin/env bash
# Build the static site into dist/ (release, offline: Trunk must not try to download tools).
# Trunk's post_build hook (Trunk.toml -> scripts/postbuild.py) completes the CSP, writes the
# service worker dist/sw.js and the packaged site target/shudu-site.zip.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
(cd crates/web && trunk build --release --offline)
# The hook must have run: a release sw.js with the build's file list, a filled-in CSP.
if ! grep -q "^const FILES = \[$" dist/sw.js 2>/dev/null || grep -q "__SHUDU_" dist/index.html; then
    echo "build-site: dist/ was not finished by scripts/postbuild.py (Trunk.toml [[hooks]])" >&2
    exit 1
fi
echo "build-site: site in dist/ ($(du -sh dist | cut -f1)), packaged as target/shudu-site.zip"
