#!/usr/bin/env bash
# Streaming latency: the recorded meetings played in real time through `run`, and for each final
# transcript the time from the end of speech to the line reaching the pipeline's output, with its
# speaker when the voice encoder is installed (speakers are on by default: the voice is embedded
# while it is spoken, the last partial or two beside Whisper's decode, and the final waits for its label).
# Usage: scripts/bench-streaming.sh BIN [--no-speakers] [--model NAME] [MEETING.wav ...]   (default: the three eval meetings)
# --no-speakers: the same without speaker labels, to see what they cost; --model: another Whisper
# model (base), to see what it costs live.
set -euo pipefail
bin=${1:-.build/release/mockpilot}
shift || true
here=$(cd "$(dirname "$0")/.." && pwd)
flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-speakers) flags+=(--no-speakers); shift;;
    --model) flags+=(--model "$2"); shift 2;;
    *) break;;
  esac
done
meetings=("$@")
[ ${#meetings[@]} -gt 0 ] || meetings=("$here"/../shared/eval/audio/meetings/meeting_0*.wav)
[ -f "${meetings[0]}" ] || { echo "streaming: ${meetings[0]} not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== streaming: end of speech to final transcript${flags[*]:+ (${flags[*]})}, ${#meetings[@]} meeting(s) at real-time pace, load average $(cut -d' ' -f1 /proc/loadavg) before"
peak=0
for meeting in "${meetings[@]}"; do
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" run --input "$meeting" ${flags[@]+"${flags[@]}"} --realtime --no-tui --out "$work/out" \
    --db "$work/db.sqlite" 2>/dev/null | python3 -c '
import json, sys, time
t0 = None
for line in sys.stdin:
    now = time.monotonic()
    e = json.loads(line)
    if t0 is None and e["type"] == "status":
        t0 = now   # the meeting starts the moment before the first audio chunk is read
    if e["type"] == "partial":
        print("partial %s %.4f" % (e["utterance"]["id"], now))
    if e["type"] == "transcript" and t0 is not None:
        msg = e["utterance"]["msg"]
        print("%.4f %s" % (now - (t0 + msg["ts_end"]), "labelled" if msg.get("speaker") else "unlabelled"))
' > "$work/$(basename "$meeting").lat"
  rss=$(( $(cat "$work/rss") / 1024 ))
  (( rss > peak )) && peak=$rss
done
python3 - "$work" <<'PY'
import glob, os, sys
lat, partials, gaps, labelled = [], 0, [], 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.lat"))):
    mine, last_partial = [], {}
    for line in open(path):
        if line.startswith("partial"):
            _, utterance, at = line.split()
            partials += 1
            # The gap a viewer waits between two partials of the same utterance.
            if utterance in last_partial:
                gaps.append(float(at) - last_partial[utterance])
            last_partial[utterance] = float(at)
        else:
            seconds, label = line.split()
            mine.append(float(seconds))
            labelled += label == "labelled"
    lat += mine
    mine.sort()
    if mine:
        print(f"{os.path.basename(path)[:-4]:<20} {len(mine):3d} finals, p50 {mine[len(mine) // 2]:.2f} s, max {mine[-1]:.2f} s")
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(f"final transcripts    {len(lat)}  ({labelled} with a speaker; partials shown: {partials})")
print(f"latency p50          {pct(0.5):.2f} s")
print(f"latency p95          {pct(0.95):.2f} s   (target <= 0.8 s)")
gaps.sort()
if gaps:
    gap = lambda p: gaps[min(len(gaps) - 1, int(p * len(gaps)))]
    print(f"partial gap p50      {gap(0.5):.2f} s   (between consecutive partials of one utterance, {len(gaps)} gaps)")
    print(f"partial gap p95      {gap(0.95):.2f} s   (target: a partial at least every 0.6 s)")
else:
    print("partial gap          no utterance had two partials")
PY
echo "peak memory          $peak MB"
