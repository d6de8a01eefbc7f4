#!/usr/bin/env bash
# JSX parser figures for `make bench`: agreement with @babel/parser on the differential corpus
# (hand-written + generated components and seeded broken copies), and parse+sanitise throughput
# of the given (release) binary on that corpus and on a 5 MB file.
# usage: scripts/bench-jsx.sh [MOCKPILOT_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/mockpilot}
[ -x "$bin" ] || { echo "bench-jsx: $bin not found; run 'swift build -c release' first" >&2; exit 1; }
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT

MOCKPILOT_JSX_KEEP_CORPUS="$corpus/files" swift test --filter agreesWithBabelOnTheCorpus 2>&1 \
  | grep -E '^jsx-bench: agreement' | sed 's/parse throughput/debug-build throughput/' || {
  echo "bench-jsx: the differential test did not report (is node-babel7 installed?)" >&2; exit 1; }

stats=$("$bin" check --stats "$corpus"/files/*.jsx 2>&1 >/dev/null | tail -1 || true)
echo "jsx-bench: corpus with $bin: $stats"

# One large file: the hand-written components renamed and repeated to 5 MB.
big="$corpus/big.jsx"
echo 'import React, { useState, useEffect, useMemo, useRef, useReducer, useCallback, useDeferredValue } from "react";' > "$big"
i=0
while [ "$(stat -c %s "$big")" -lt 5000000 ]; do
  for f in Tests/JSXTests/Corpus/*.jsx; do
    grep -v -E '^(import|export default [A-Za-z]+;?$)' "$f" | sed -E "s/export (default )?//; s/\b([A-Z][A-Za-z]+|columns|plans|stats|fmt|links|steps|sizes|tones|reducer|nextId|highlight|formatPrice|TabsContext|Delta|useToasts)\b/\1_$i/g"
  done >> "$big"
  i=$((i + 1))
done
stats=$("$bin" check --stats "$big" 2>&1 >/dev/null | tail -1 || true)
verdict=$("$bin" check "$big" | head -1 || true)
echo "jsx-bench: 5 MB file: $stats; verdict: $verdict"
