#!/usr/bin/env bash
# Fuzzes the JSX parser and sanitiser with libFuzzer for SECONDS (default 300): builds the
# fuzz-jsx target with -sanitize=fuzzer into .build-fuzz, seeds it with the hand-written corpus,
# and keeps what it learns in CORPUS_DIR between runs. A crash, a hang past 10 s or a malformed
# finding stops it and leaves crash-*/timeout-* files; `swift run fuzz-jsx FILE` replays one.
# usage: scripts/fuzz-jsx.sh [SECONDS] [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
corpus=${2:-${TMPDIR:-/tmp}/mockpilot-jsx-fuzz-corpus}
mkdir -p "$corpus" "$corpus-artifacts"
swift build --build-path .build-fuzz -c release --product fuzz-jsx -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING >&2
cp -n Tests/JSXTests/Corpus/*.jsx Tests/JSXTests/EdgeCases/*.jsx "$corpus/" 2>/dev/null || true
.build-fuzz/release/fuzz-jsx -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$corpus-artifacts/" "$corpus" 2>&1 \
  | grep -E '^(#[0-9]+ +(INITED|DONE)|Done|stat::|==[0-9]+==|fuzz-jsx:|SUMMARY|artifact_prefix|Test unit written)' || true
found=$(ls "$corpus-artifacts" | wc -l)
echo "fuzz-jsx: $seconds s, corpus $(ls "$corpus" | wc -l) inputs, $found crash/timeout artifacts in $corpus-artifacts"
[ "$found" -eq 0 ]
