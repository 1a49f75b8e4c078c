#!/usr/bin/env bash
# Every check CI runs: install, typecheck, lint, and every package's tests (through turbo).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/pnpm.sh install --frozen-lockfile --reporter=silent
bash scripts/pnpm.sh run lint
bash scripts/pnpm.sh exec turbo run typecheck test --concurrency=2 --output-logs=errors-only "$@"
