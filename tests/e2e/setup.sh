#!/usr/bin/env bash
# Installs what the browser end-to-end tests need: Debian's chromium (never a downloaded browser) and the npm
# packages of tests/e2e (botframework-webchat, playwright-core). Idempotent; .ci/run calls it before the tests.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e setup: installing chromium with apt-get"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
fi

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
echo "e2e setup: chromium $(/usr/bin/chromium --version 2>/dev/null || echo '?'), node $(node --version)"
