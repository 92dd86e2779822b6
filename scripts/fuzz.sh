#!/usr/bin/env bash
# Runs every fuzz target in the repository briefly, one at a time (go test
# -fuzz takes one target per run), so CI exercises the parsers with new input.
set -euo pipefail
fuzztime=${FUZZTIME:-8s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# fuzz_one runs a target once more when it failed only with "context
# deadline exceeded" and wrote no failing input: that is Go's own fuzzing
# coordinator racing the -fuzztime deadline on a busy machine
# (go.dev/issue/75804, fixed in Go 1.27), not something the target found.
# A real finding always prints "Failing input written to".
# Minimising a new input is bounded at 2 s: at Go's default of 60 s,
# FuzzStoredPack spent its whole run minimising (5-9 inputs a minute).
fuzz_one() {
  local pkg=$1 name=$2 try
  for try in 1 2; do
    if go test -tags migrated_fynedo -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" -fuzzminimizetime=2s "$pkg" 2>&1 | tee "$log"; then
      return 0
    fi
    if ! grep -q 'context deadline exceeded' "$log" || grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' "$log"; then
      return 1
    fi
    echo "fuzz $pkg $name: Go's fuzzing deadline race (go.dev/issue/75804), no failing input; running it again"
  done
  return 1
}

grep -rlE '^func Fuzz[A-Za-z0-9_]+\(' --include='*_test.go' . | sort | while read -r file; do
  pkg="./$(dirname "${file#./}")"
  for name in $(grep -oE '^func Fuzz[A-Za-z0-9_]+' "$file" | sed 's/^func //'); do
    echo "fuzz $pkg $name ($fuzztime)"
    fuzz_one "$pkg" "$name"
  done
done
