#!/usr/bin/env bash
# Installs Debian's Chromium for the widget's browser tests (Playwright drives /usr/bin/chromium and never
# downloads a browser of its own). Idempotent and quiet: does nothing when Chromium is already there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

bash "$(dirname "$0")/apt-install.sh" chromium fonts-noto-core
/usr/bin/chromium --version
