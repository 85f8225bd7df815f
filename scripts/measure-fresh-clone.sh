#!/usr/bin/env bash
# Times the README's two set-up commands on a fresh clone of the current commit.
# Usage: bash scripts/measure-fresh-clone.sh [--cold]   (prints seconds for npm install and npm test)
#   --cold uses an empty npm cache, as on a fresh machine: every package is downloaded.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
start=$(date +%s.%N)
cache_args=()
[ "${1:-}" = "--cold" ] && cache_args=(--cache "$work/npm-cache")
npm install --no-audit --no-fund "${cache_args[@]}" > "$work/install.log" 2>&1 || { tail -30 "$work/install.log"; exit 1; }
mid=$(date +%s.%N)
npm test > "$work/test.log" 2>&1 || { tail -60 "$work/test.log"; exit 1; }
end=$(date +%s.%N)
grep -E "^Tests:" "$work/test.log" || true
printf 'npm install: %.0f s\nnpm test: %.0f s\n' "$(echo "$mid - $start" | bc)" "$(echo "$end - $mid" | bc)"
