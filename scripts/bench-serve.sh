#!/usr/bin/env bash
# `mockpilot serve` under load: requests/s and p99 latency of POST /generate (a button from the
# templates, checked) and GET /search?k=50 (10,000 stored posts, the query embedded by MiniLM each
# time), with a token, under wrk with 2 threads and 2 connections (a 2-core machine, shared with
# wrk itself). Beside them, measured in the same run: GET /health of the same server (the
# cheapest route: the server's own floor) and Python's http.server sending a small static file
# (a floor from outside).
# usage: scripts/bench-serve.sh [BIN]   (bench.sh passes the release binary; needs scripts/deps.sh
# (wrk) and scripts/models.sh (MiniLM) run once)
set -euo pipefail
bin=${1:-.build/release/mockpilot}
here=$(cd "$(dirname "$0")" && pwd)
seconds=${MOCKPILOT_BENCH_SERVE_SECONDS:-5}
posts=${MOCKPILOT_BENCH_SERVE_POSTS:-10000}
[ -x "$bin" ] || { echo "bench-serve: $bin is not built (make release)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench-serve: no wrk (run scripts/deps.sh)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in ${pids[@]+"${pids[@]}"}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# No user settings, log or sessions touched: homes of the run's own. Models stay where
# scripts/models.sh put them.
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
export MOCKPILOT_STORE_DATABASE="$work/sessions.sqlite"
export JWT_SECRET="bench-serve-secret-long-enough-for-hs256"

# The post store: 100 posts mined from a generated dump (which makes and migrates the file), the
# rest synthetic posts with random embeddings (the search's time depends on the count, not the words).
python3 "$here/reference/insights/gen_sentiment_corpus.py" 100 5 | python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    print(json.dumps({"id": f"s{i}", "author": "u", "subreddit": "web_design", "title": json.loads(line)["text"], "selftext": "",
                      "created_utc": 1700000000 + i, "score": i, "permalink": f"/r/web_design/comments/s{i}/"}))' > "$work/dump.jsonl"
"$bin" mine x --source "$work/dump.jsonl" --db "$work/posts.sqlite" 2>/dev/null
python3 "$here/reference/insights/fill_posts_db.py" "$work/posts.sqlite" $((posts - 100))

"$bin" serve --port 0 --db "$work/posts.sqlite" > "$work/serve.out" 2> "$work/serve.err" &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^mockpilot serve: listening on //p' "$work/serve.out")
[ -n "$url" ] || { echo "bench-serve: serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }
token=$("$bin" token --minutes 30)
auth="Authorization: Bearer $token"
spec='{"spec_id": "c1.v1", "component": "button", "label": "Pay"}'
query="stripe+button+hover"

# Each route answers 200 once before it is timed (the first search loads MiniLM and the posts).
probe() {   # ROUTE curl-arguments...
  local route=$1 status; shift
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$@")
  [ "$status" = 200 ] || { echo "bench-serve: $route answered $status" >&2; exit 1; }
}
probe /generate -X POST -H 'Content-Type: application/json' -d "$spec" "$url/generate"
probe /search "$url/search?query=$query&k=50"
probe /health "$url/health"

cat > "$work/generate.lua" <<LUA
wrk.method = "POST"
wrk.body = '$spec'
wrk.headers["Content-Type"] = "application/json"
LUA

# The outside floor: a static file about the size of a generated component's JSON.
mkdir -p "$work/static"
curl -s -X POST -H "$auth" -d "$spec" "$url/generate" > "$work/static/component.json"
static_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$static_port" --bind 127.0.0.1 --directory "$work/static" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$static_port/component.json" && break; sleep 0.1; done

load() {   # NAME wrk-arguments...
  local name=$1; shift
  wrk -t2 -c2 -d"${seconds}s" --latency "$@" > "$work/$name.wrk"
}
before=$(cut -d' ' -f1 /proc/loadavg)
load generate -H "$auth" -s "$work/generate.lua" "$url/generate"
load search -H "$auth" "$url/search?query=$query&k=50"
load health "$url/health"
load static "http://127.0.0.1:$static_port/component.json"

echo "== serve under load: wrk, 2 threads, 2 connections, ${seconds} s a route, load average $before before"
python3 - "$work" "$posts" "$(wc -c < "$work/static/component.json")" <<'PY'
import re, sys
work, posts, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
units = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
def figures(name):
    text = open(f"{work}/{name}.wrk").read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def pct(p):
        value, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M).groups()
        return float(value) * units[unit]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    return rate, pct(50), pct(99), int(bad.group(1)) if bad else 0, errors.group(0) if errors else ""
rows = [
    ("POST /generate (button, template + check)", "generate"),
    (f"GET /search?k=50 ({posts:,} posts)", "search"),
    ("GET /health (same server: its floor)", "health"),
    (f"python3 http.server, {size} B static file", "static"),
]
print(f"{'':46} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for label, name in rows:
    rate, p50, p99, bad, errors = figures(name)
    print(f"{label:46} {rate:9.0f} {p50:8.2f} {p99:8.2f} {bad:8d}" + (f"  {errors}" if errors else ""))
PY
