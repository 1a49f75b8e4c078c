#!/usr/bin/env bash
# Every check CI runs: install, lint, then through turbo every package's build, typecheck and tests,
# a smoke run of the built CLI (the `efapiao` bin a user installs), and last the release check (packed
# tarballs linted, installed into an empty project and tried there; see scripts/release-check.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/pnpm.sh install --frozen-lockfile --reporter=silent
bash scripts/browser-deps.sh   # chromium, poppler-utils, CJK fonts: the preview's PDF and browser tests
bash scripts/pnpm.sh run lint
# The issuing store suite runs on PostgreSQL too: a throwaway server lives for the length of the run.
bash scripts/with-postgres.sh bash scripts/pnpm.sh exec turbo run build typecheck test --concurrency=2 --output-logs=new-only "$@"
node apps/cli/bin/efapiao.js build examples/sale.json > /dev/null
echo "efapiao: built CLI smoke run passed"
bash scripts/test-web.sh   # the web app in a real browser (built above by turbo)
bash scripts/release-check.sh
