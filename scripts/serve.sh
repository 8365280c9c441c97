#!/usr/bin/env bash
# Set up, build, and serve the site on http://127.0.0.1:8080 (samples bundled).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-site.sh
echo "Shudu is served on http://127.0.0.1:8080  (Ctrl-C to stop)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
