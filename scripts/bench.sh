#!/usr/bin/env bash
# `make bench`: speed and memory figures, each printed beside a peer measured in the same run.
set -uo pipefail
bin=${1:-.build/release/mockpilot}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== pipeline: extract + trigger + generate + check + write, long synthetic meeting"
n=${MOCKPILOT_BENCH_UTTERANCES:-5000}
python3 "$here/synth-meeting.py" "$n" > "$work/meeting.jsonl"
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$bin" run --transcript "$work/meeting.jsonl" --no-tui \
  --out "$work/out" --db "$work/bench.sqlite" > "$work/events.jsonl" 2> "$work/stderr" || true
end=$(date +%s.%N)
python3 - "$work" "$n" "$start" "$end" <<'PY'
import json, sys
work, n, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
lat = []
for line in open(f"{work}/events.jsonl"):
    e = json.loads(line)
    if e.get("type") == "component":
        lat.append(e["component"]["trigger_to_file"] * 1000)
lat.sort()
def pct(p): return lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")
secs = end - start
rss = int(open(f"{work}/rss").read().split()[-1]) / 1024
print(f"utterances           {n}")
print(f"components written   {len(lat)}")
print(f"wall time            {secs:.2f} s")
print(f"utterances/second    {n / secs:.0f}")
print(f"trigger-to-file p50  {pct(0.5):.2f} ms")
print(f"trigger-to-file p95  {pct(0.95):.2f} ms")
print(f"peak memory          {rss:.1f} MB")
PY

# Stage figures owned by each stage's script, when present.
for stage in bench-whisper bench-transcribe bench-streaming bench-jsx bench-tui bench-insights bench-serve; do
  if [ -x "$here/$stage.sh" ]; then
    echo
    "$here/$stage.sh" "$bin" || echo "$stage: failed (exit $?)"
  fi
done

# The watched folder at 2,500 components: this revision beside MockPilot 0.1's Output (0199e65,
# which rewrote and synced the whole manifest on every write), built and run the same way.
echo
echo "== watched folder, 2,500 components: MockPilot 0.1 (0199e65), then this revision"
"$here/bench-folder.sh" 0199e65 2500 || echo "bench-folder 0199e65: failed (exit $?)"
"$here/bench-folder.sh" HEAD 2500 || echo "bench-folder HEAD: failed (exit $?)"
