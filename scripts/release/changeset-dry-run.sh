#!/usr/bin/env bash
# `changeset version` on a scratch copy of the repository (argv[1], must not exist): the committed
# changesets must take every public package from 0.0.0 to 0.1.0, each with a CHANGELOG.md for 0.1.0.
# The repository itself is not touched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
COPY=$1
mkdir -p "$COPY"
git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} "$COPY"/ 2>/dev/null || true
# Uncommitted changesets count too (a local run before committing).
cp .changeset/*.md "$COPY/.changeset/"
ln -s "$ROOT/node_modules" "$COPY/node_modules"
(cd "$COPY" && "$ROOT/node_modules/.bin/changeset" version > /dev/null)
cd "$COPY"
fail=0
while read -r dir; do
  version=$(node -p "require('./$dir/package.json').version")
  name=$(node -p "require('./$dir/package.json').name")
  if [ "$version" != "0.1.0" ] || ! grep -q '^## 0.1.0' "$dir/CHANGELOG.md" 2>/dev/null; then
    echo "  $name: version $version, $( [ -f "$dir/CHANGELOG.md" ] && echo 'CHANGELOG without 0.1.0' || echo 'no CHANGELOG.md')" >&2
    fail=1
  else
    echo "  $name: 0.1.0, $(grep -c '^- ' "$dir/CHANGELOG.md") release note(s)"
  fi
done < <(node "$ROOT/scripts/release/public-packages.mjs")
[ "$fail" = 0 ] || { echo "changeset version does not produce the first 0.1.0 release" >&2; exit 1; }
