#!/usr/bin/env bash
# Runs the pinned pnpm, installing it into ./.tools with npm first if this machine lacks it.
# A fresh machine needs only Node 20 and npm: everything else comes from the npm registry.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(node -p "require('$root/package.json').packageManager.split('@')[1]")"
tools="$root/.tools"
if [ ! -x "$tools/node_modules/.bin/pnpm" ] || [ "$("$tools/node_modules/.bin/pnpm" --version)" != "$version" ]; then
  echo "efapiao: installing pnpm $version into .tools/ …" >&2
  npm install --silent --no-audit --no-fund --prefix "$tools" "pnpm@$version" >&2
fi
export PATH="$tools/node_modules/.bin:$PATH"
exec pnpm "$@"
