#!/usr/bin/env bash
# Streaming latency: a recorded meeting played in real time through `run`, and for each final
# transcript the time from the end of speech to the line reaching the pipeline's output.
# Usage: scripts/bench-streaming.sh BIN
set -euo pipefail
bin=${1:-.build/release/mockpilot}
here=$(cd "$(dirname "$0")/.." && pwd)
meeting="$here/../shared/eval/audio/meetings/meeting_01.wav"
[ -f "$meeting" ] || { echo "streaming: $meeting not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== streaming: end of speech to final transcript, $(basename "$meeting") at real-time pace"
/usr/bin/time -f "%M" -o "$work/rss" "$bin" run --input "$meeting" --realtime --no-tui --out "$work/out" \
  --db "$work/db.sqlite" 2>/dev/null | python3 -c '
import json, sys, time
t0 = None
lat, partials = [], 0
for line in sys.stdin:
    now = time.monotonic()
    e = json.loads(line)
    if t0 is None and e["type"] == "status":
        t0 = now   # the meeting starts the moment before the first audio chunk is read
    if e["type"] == "partial":
        partials += 1
    if e["type"] == "transcript" and t0 is not None:
        lat.append(now - (t0 + e["utterance"]["msg"]["ts_end"]))
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(f"final transcripts    {len(lat)}  (partials shown: {partials})")
print(f"latency p50          {pct(0.5):.2f} s")
print(f"latency p95          {pct(0.95):.2f} s   (target <= 0.8 s)")
'
echo "peak memory          $(( $(cat "$work/rss") / 1024 )) MB"
