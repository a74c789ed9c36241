#!/usr/bin/env bash
# Installs grammY (pinned) and the echo bot into a temp directory outside the repository.
# Usage: setup.sh [dir]   (default /tmp/sd-bench-grammy); prints the directory.
set -euo pipefail
dir="${1:-/tmp/sd-bench-grammy}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$dir"
cp "$here/echo.mjs" "$dir/echo.mjs"
if [ ! -d "$dir/node_modules/grammy" ]; then
  (cd "$dir" && [ -f package.json ] || echo '{"name":"sd-bench-grammy","private":true,"type":"module"}' > "$dir/package.json"
   cd "$dir" && npm install --no-audit --no-fund --silent grammy@1.46.0 >&2)
fi
echo "$dir"
