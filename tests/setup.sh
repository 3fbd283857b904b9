#!/usr/bin/env bash
# Installs what the test suite needs: Debian's Chromium (Playwright drives /usr/bin/chromium; browser
# downloads are not available here) and the npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing: run 'sudo apt-get update && sudo apt-get install -y chromium' first." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund
