#!/bin/sh
# Differential check of third_party/zapx (and third_party/vellum, which
# builds its dictionaries) against the upstream zapx v17.2.5 (and vellum
# v1.2.1) they patch: builds the same random segments (seeds FROM..TO)
# with both, and merges them with random deletions, and compares every segment's and
# merge's bytes (New+WriteTo upstream; WriteNew and New+WriteTo patched, the
# latter with a pooled interim reused). Needs upstream in the module cache
# (go mod download github.com/blevesearch/zapx/v17@v17.2.5). Seeds whose
# number ends in 49 make segments of over 65,536 documents.
#   scripts/zapxdiff/run.sh [FROM [TO]]
set -eu
from=${1:-0}
to=${2:-40}
repo=$(cd "$(dirname "$0")/../.." && pwd)
upstream=$(go env GOMODCACHE)/github.com/blevesearch/zapx/v17@v17.2.5
[ -d "$upstream" ] || { echo "zapxdiff: $upstream missing; run: go mod download github.com/blevesearch/zapx/v17@v17.2.5" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/zapxdiff.XXXXXX")
trap 'rm -rf "$work"' EXIT
for side in up pa; do
	mkdir -p "$work/$side"
	for f in main wt writenew_pa writenew_up; do
		cp "$repo/scripts/zapxdiff/testdata/$f.go.txt" "$work/$side/$f.go"
	done
	# go.mod's other third_party copies (vellum, goldmark): their
	# relative paths made absolute
	sed -e "s#^module .*#module zapxdiff$side#" -e "s#=> \./#=> $repo/#" "$repo/go.mod" >"$work/$side/go.mod"
	cp "$repo/go.sum" "$work/$side/"
done
sed -i "s#^replace github.com/blevesearch/zapx/v17 => .*#replace github.com/blevesearch/zapx/v17 => $upstream#" "$work/up/go.mod"
# upstream's side builds its dictionaries with upstream vellum (the
# version go.mod requires), the patched side with third_party/vellum
sed -i "/^replace github.com\/blevesearch\/vellum /d" "$work/up/go.mod"
sed -i "s#^replace github.com/blevesearch/zapx/v17 => .*#replace github.com/blevesearch/zapx/v17 => $repo/third_party/zapx#" "$work/pa/go.mod"
(cd "$work/up" && GOFLAGS=-mod=mod go build -o ../up.bin .)
(cd "$work/pa" && GOFLAGS=-mod=mod go build -tags patched -o ../pa.bin .)
mkdir -p "$work/seg"
status=0
seed=$from
while [ "$seed" -le "$to" ]; do
	"$work/up.bin" up "$seed" "$work/seg" >"$work/up.txt"
	"$work/pa.bin" pa "$seed" "$work/seg" >"$work/pa.txt"
	# Upstream's segments and merge; the patched WriteNew's (seg:) must be
	# them, and both sides' New+WriteTo (newwt:) alike.
	if [ "$(grep -v '^newwt:' "$work/up.txt")" = "$(grep -v '^newwt:' "$work/pa.txt")" ] &&
		[ "$(grep '^newwt:' "$work/up.txt")" = "$(grep '^newwt:' "$work/pa.txt")" ]; then
		echo "same  $(head -1 "$work/up.txt")"
	else
		echo "DIFFERENT $(head -1 "$work/up.txt")"
		diff "$work/up.txt" "$work/pa.txt" || true
		status=1
	fi
	seed=$((seed + 1))
done
exit $status
