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

echo "== Ingest: score + tag + embed + store (Reddit dump of generated posts) =="
python3 "$REF/gen_sentiment_corpus.py" 400 3 | python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    t = json.loads(line)["text"]
    print(json.dumps({"id": f"b{i}", "author": "u", "subreddit": "web_design", "title": t, "selftext": "",
                      "created_utc": 1700000000 + i, "score": i, "permalink": f"/r/web_design/comments/b{i}/"}))' > "$TMP/dump.jsonl"
START=$(date +%s.%N)
"$BIN" mine x --source "$TMP/dump.jsonl" --database "$TMP/ingest.sqlite" 2>&1 | tail -1
END=$(date +%s.%N)
python3 -c "print(f'ingest: 400 posts in {$END - $START:.1f} s = {400 / ($END - $START):.0f} posts/s (includes loading the model)')"

echo "== Search: exact cosine over stored embeddings (one sgemv) =="
for N in 10000 100000; do
    DB="$TMP/search-$N.sqlite"
    "$BIN" search warmup --database "$DB" >/dev/null 2>&1   # creates and migrates the file
    python3 "$REF/fill_posts_db.py" "$DB" "$N"
    "$BIN" search "stripe button hover" -k 50 --timing --database "$DB" 2>&1 >/dev/null | grep timing
done

echo "== MiniLM parity (ids and cosine vs sentence-transformers, /work/shared/eval/minilm_reference.jsonl) =="
swift test --filter EmbeddingTests.MiniLMTests 2>&1 | grep -E "min cosine|passed|failed" | tail -3
