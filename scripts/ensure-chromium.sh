#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (Playwright cannot download its own browser here).
set -euo pipefail
chromium="${CDX_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at $chromium: install it (sudo apt-get install -y chromium) or set CDX_CHROMIUM." >&2
exit 1
