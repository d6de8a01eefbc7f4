#!/usr/bin/env bash
# Insight figures: VADER parity with the Python reference, demographic precision/recall,
# search latency at 10k/100k posts and ingest rate, MiniLM parity.
# usage: scripts/bench-insights.sh   (builds debug mockpilot; needs scripts/models.sh run once)
set -euo pipefail
cd "$(dirname "$0")/.."
REF=scripts/reference/insights
swift build --product mockpilot >/dev/null
BIN=.build/debug/mockpilot
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

echo "== VADER parity (compound within 0.01 of vaderSentiment) =="
PY=$("$REF/venv.sh")
python3 "$REF/gen_sentiment_corpus.py" 1000 11 > "$TMP/corpus.jsonl"
"$PY" "$REF/vader_reference.py" < "$TMP/corpus.jsonl" > "$TMP/ref.jsonl"
"$BIN" sentiment "$TMP/corpus.jsonl" > "$TMP/swift.jsonl"
python3 "$REF/compare_sentiment.py" "$TMP/ref.jsonl" "$TMP/swift.jsonl"

echo "== Demographics: precision/recall per tag on Tests/InsightTests/demographics_labelled.jsonl =="
"$BIN" classify --year 2026 --labelled Tests/InsightTests/demographics_labelled.jsonl
