#!/usr/bin/env bash
# The demo: install the workspace, then build the invoice payload of the example sale in examples/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/pnpm.sh install --frozen-lockfile --reporter=silent
bash scripts/pnpm.sh --silent demo "$@"
