#!/usr/bin/env bash
# The web app's browser tests (apps/web/test/browser): the built app in Debian's chromium, driven by
# playwright-core, plus the screenshot comparisons of the seed example's HTML and PDF previews. Installs
# chromium, poppler-utils and the CJK fonts when missing (browser-deps.sh), builds the app if needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/browser-deps.sh
[ -f apps/web/dist/index.html ] || bash scripts/pnpm.sh --filter @efapiao/web run build
bash scripts/pnpm.sh --filter @efapiao/web run test:browser
