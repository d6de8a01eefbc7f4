#!/usr/bin/env bash
# Insight figures: ingest rate, search latency at 10k/100k posts, VADER and MiniLM parity,
# demographic precision/recall on the labelled and the held-out set.
# usage: scripts/bench-insights.sh [BINARY]   (bench.sh passes the release binary; nothing is built
# here and no test is run; needs scripts/models.sh run once)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/mockpilot}
if [ ! -x "$BIN" ]; then
    echo "bench-insights: $BIN is not built (make release)" >&2
    exit 1
fi
REF=scripts/reference/insights
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
POSTS=${MOCKPILOT_BENCH_INGEST_POSTS:-3000}

echo "== Ingest: score + tag + embed + store, $POSTS posts from a Reddit dump, timed inside mockpilot =="
python3 "$REF/gen_sentiment_corpus.py" "$POSTS" 3 | python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    t = json.loads(line)["text"]
    print(json.dumps({"id": f"b{i}", "author": "u", "subreddit": "web_design", "title": t, "selftext": "",
                      "created_utc": 1700000000 + i, "score": i, "permalink": f"/r/web_design/comments/b{i}/"}))' > "$TMP/dump.jsonl"
"$BIN" mine x --source "$TMP/dump.jsonl" --database "$TMP/ingest.sqlite" --timing 2>&1 | grep "timing:"

echo "== Search: exact cosine over stored embeddings (one sgemv), k=50 =="
for N in 10000 100000; do
    DB="$TMP/search-$N.sqlite"
    # One post mined makes and migrates the file (a search never creates one); then N more.
    head -n 1 "$TMP/dump.jsonl" > "$TMP/one.jsonl"
    "$BIN" mine x --source "$TMP/one.jsonl" --database "$DB" >/dev/null 2>&1
    python3 "$REF/fill_posts_db.py" "$DB" "$N"
    "$BIN" search "stripe button hover" -k 50 --timing --database "$DB" 2>&1 >/dev/null | grep timing
done

echo "== VADER parity (compound within 0.01 of vaderSentiment, 1000 generated texts) =="
PY=$(scripts/venv.sh reference vaderSentiment)
python3 "$REF/gen_sentiment_corpus.py" 1000 11 > "$TMP/corpus.jsonl"
"$PY" "$REF/vader_reference.py" < "$TMP/corpus.jsonl" > "$TMP/ref.jsonl"
"$BIN" sentiment "$TMP/corpus.jsonl" > "$TMP/swift.jsonl"
python3 "$REF/compare_sentiment.py" "$TMP/ref.jsonl" "$TMP/swift.jsonl"

echo "== MiniLM parity (word-piece ids and cosine vs sentence-transformers) =="
"$BIN" embed --reference ../shared/eval/minilm_reference.jsonl

echo "== Demographics: precision/recall per tag, labelled set (written beside the rules) =="
"$BIN" classify --year 2026 --labelled Tests/InsightTests/demographics_labelled.jsonl
echo "== Demographics: precision/recall per tag, held-out set (written before reading the rules) =="
"$BIN" classify --year 2026 --labelled Tests/InsightTests/demographics_heldout.jsonl
