#!/usr/bin/env bash
# Runs every fuzz target in the repository briefly, one at a time (go test
# -fuzz takes one target per run), so CI exercises the parsers with new input.
set -euo pipefail
fuzztime=${FUZZTIME:-8s}
grep -rlE '^func Fuzz[A-Za-z0-9_]+\(' --include='*_test.go' . | sort | while read -r file; do
  pkg="./$(dirname "${file#./}")"
  for name in $(grep -oE '^func Fuzz[A-Za-z0-9_]+' "$file" | sed 's/^func //'); do
    echo "fuzz $pkg $name ($fuzztime)"
    go test -tags migrated_fynedo -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$pkg"
  done
done
