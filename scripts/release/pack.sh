#!/usr/bin/env bash
# Packs every public workspace package into a directory (argv[1], default ./tarballs) as the registry would
# get it: `pnpm pack` turns `workspace:^` into caret ranges and applies publishConfig (no `source`
# condition). Needs the packages built. Install them together into any project, e.g.
#   npm install ./tarballs/*.tgz && npx efapiao build sale.json
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
OUT=$(mkdir -p "${1:-tarballs}" && cd "${1:-tarballs}" && pwd)
while read -r dir; do
  [ -f "$dir/dist/index.js" ] || { echo "$dir is not built (run pnpm build first)" >&2; exit 1; }
  (cd "$dir" && bash "$ROOT/scripts/pnpm.sh" pack --pack-destination "$OUT" > /dev/null)
done < <(node scripts/release/public-packages.mjs)
ls "$OUT"
