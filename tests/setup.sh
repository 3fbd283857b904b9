#!/usr/bin/env bash
# Installs what the test suite needs: Debian's Chromium (Playwright drives /usr/bin/chromium; browser
# downloads are not available here), redis-server (the two-instance tests start their own, without
# persistence), nginx (deploy/nginx.conf is tested in front of the live server), a Java runtime (the
# Nu Html Checker, vnu-jar, runs on it) and the npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Run 'sudo apt-get update && sudo apt-get install -y ${missing[*]}' first." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
