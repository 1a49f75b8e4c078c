#!/usr/bin/env bash
# What the preview's PDF tests and the web app's browser tests need from Debian, installed when missing
# (idempotent): chromium (driven by playwright-core; Playwright's own browser download cannot work here),
# poppler-utils (pdftotext, pdffonts, pdftoppm) and the Noto CJK fonts the HTML preview is drawn with.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm > /dev/null || missing+=(poppler-utils)
fonts="$(fc-list 2> /dev/null || true)"
[[ "$fonts" == *"Noto Sans CJK SC"* ]] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "browser-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
