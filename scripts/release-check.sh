#!/usr/bin/env bash
# The release check (issue 10), run by scripts/test.sh after the build: what a user or a library author
# gets from the published packages, tried from packed tarballs in a fresh project outside the workspace.
#   1. pack every public workspace package (pnpm pack: `workspace:^` becomes a caret range, and
#      publishConfig.exports drops the development `source` condition);
#   2. publint and attw (--profile esm-only) on each tarball: any problem fails;
#   3. npm-install all tarballs into an empty temporary project (third-party dependencies from the registry
#      or npm's cache) and run one example per package there: import and require of @efapiao/calc,
#      `npx efapiao build` on the example sale, and each library's main entry on real input;
#   4. bundle @efapiao/rules' main entry with the standard pack for the browser (esbuild, platform browser):
#      any Node built-in fails the build; the gzipped size is reported (target ≤ 150 kB);
#   5. `changeset version` on a scratch copy of the repository: every public package must come out at 0.1.0
#      with release notes. (The repository itself stays at 0.0.0 until the release commit; see
#      .changeset/README.md.)
# Needs the packages built (`turbo run build`). Leaves nothing behind: all work is in a temporary directory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BIN=$ROOT/node_modules/.bin
WORK=$(mktemp -d "${TMPDIR:-/tmp}/efapiao-release.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
step() { printf '\n== release check: %s\n' "$*"; }

mapfile -t PACKAGES < <(node scripts/release/public-packages.mjs)
[ "${#PACKAGES[@]}" -gt 0 ] || { echo "no public packages found" >&2; exit 1; }

step "pack ${#PACKAGES[@]} public packages"
mkdir -p "$WORK/tarballs"
for dir in "${PACKAGES[@]}"; do
  [ -d "$dir/dist" ] || { echo "$dir is not built (run turbo run build first)" >&2; exit 1; }
  (cd "$dir" && bash "$ROOT/scripts/pnpm.sh" pack --pack-destination "$WORK/tarballs" > /dev/null)
done
ls "$WORK/tarballs"

step "publint and attw (esm-only)"
for tarball in "$WORK"/tarballs/*.tgz; do
  "$BIN/publint" run "$tarball" --strict --level suggestion | sed "s|^|  |"
  "$BIN/attw" "$tarball" --profile esm-only --format ascii --no-emoji --no-color > "$WORK/attw.txt" || {
    cat "$WORK/attw.txt"
    exit 1
  }
  echo "  attw: $(basename "$tarball") — no problems"
done

step "install the tarballs into an empty project"
PROJECT=$WORK/project
mkdir -p "$PROJECT"
cp examples/sale.json "$PROJECT/sale.json"
(
  cd "$PROJECT"
  printf '{ "name": "efapiao-release-check", "private": true, "type": "module" }\n' > package.json
  npm install --no-audit --no-fund --prefer-offline --loglevel=error "$WORK"/tarballs/*.tgz
)

step "one example per package, in the fresh project"
node scripts/release/examples.mjs "$PROJECT" "$ROOT"
(
  cd "$PROJECT"
  npx --no-install efapiao build sale.json > built.json
  node -e 'const i = JSON.parse(require("fs").readFileSync("built.json", "utf8")); if (i.totals.total !== "106000.00") throw new Error("npx efapiao build: total " + i.totals.total); console.log("  npx efapiao build sale.json → total", i.totals.total);'
)

step "browser bundle of @efapiao/rules with the standard pack"
node scripts/release/browser-bundle.mjs "$PROJECT" "$BIN/esbuild"

step "changeset version on a scratch copy"
bash scripts/release/changeset-dry-run.sh "$WORK/repo"

echo
echo "efapiao: release check passed"
