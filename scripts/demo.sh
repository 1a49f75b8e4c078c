#!/usr/bin/env bash
# The demo: install the workspace, build the invoice payload of the example sale in examples/, then issue
# that sale against an in-process sandbox platform (nothing leaves the machine) and print its number.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/pnpm.sh install --frozen-lockfile --reporter=silent
bash scripts/pnpm.sh --silent demo "$@"
echo
echo "== 开票 / Issuing examples/sale.json against an in-process sandbox (efapiao issue --provider sandbox --store memory:) =="
bash scripts/pnpm.sh --silent demo:issue
