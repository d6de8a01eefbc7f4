#!/usr/bin/env bash
# Whole recordings and start-up, as whole processes beside faster-whisper in the same run:
#   scripts/bench-transcribe.sh BIN        (called by `make bench`)
# 1. `transcribe` over 30 s windows (no --vad) on the three ~80 s eval meetings, one process
#    for all three, beside faster-whisper (tiny.en int8, beam 1, 2 threads, no VAD); best of
#    MOCKPILOT_BENCH_REPEATS (default 3) alternating runs, so a busy machine hurts both alike.
# 2. Model load: `transcribe` on one second of silence (the voice detector hears nothing, so
#    nothing is decoded) minus `mockpilot --help`; whisper.cpp is not built here, so its
#    0.08 s for the same weights (issue 16) is quoted, not measured.
set -euo pipefail
bin="${1:?usage: bench-transcribe.sh path/to/mockpilot}"
here="$(cd "$(dirname "$0")" && pwd)"
audio="${MOCKPILOT_EVAL_AUDIO:-$here/../../shared/eval/audio}"
model="${MOCKPILOT_WHISPER_MODEL:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/models/whisper-tiny.en}"
repeats="${MOCKPILOT_BENCH_REPEATS:-3}"
meetings=("$audio"/meetings/meeting_0*.wav)
[ -f "${meetings[0]}" ] || { echo "bench-transcribe: no meetings in $audio/meetings" >&2; exit 1; }
[ -f "$model/model.bin" ] || { echo "bench-transcribe: no model at $model (run make models)" >&2; exit 1; }
python="$("$here/venv.sh" reference faster-whisper==1.2.1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Warm the page cache and make the mapped model.f32 if this model has none yet.
"$bin" transcribe --model "$model" --threads 2 "${meetings[0]}" > /dev/null

for i in $(seq "$repeats"); do
    /usr/bin/time -f "%e %M" -o "$work/ours.$i" "$bin" transcribe --model "$model" --threads 2 "${meetings[@]}" > "$work/ours.jsonl"
    /usr/bin/time -f "%e %M" -o "$work/fw.$i" "$python" "$here/reference/whisper_reference.py" transcribe "$model" \
        --compute-type int8 --threads 2 "${meetings[@]}" > /dev/null
done

python3 -c 'import struct, sys; open(sys.argv[1], "wb").write(b"RIFF" + struct.pack("<I", 36 + 32000) + b"WAVEfmt " +
    struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16) + b"data" + struct.pack("<I", 32000) + bytes(32000))' "$work/silence.wav"
for i in $(seq 5); do
    /usr/bin/time -f "%e %U %S" -o "$work/load.$i" "$bin" transcribe --model "$model" --threads 2 "$work/silence.wav" > /dev/null
    /usr/bin/time -f "%e %U %S" -o "$work/help.$i" "$bin" --help > /dev/null
done

python3 - "$work" "$repeats" "${#meetings[@]}" <<'PY'
import sys
work, repeats, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def runs(name, n):
    return [tuple(float(x) for x in open(f"{work}/{name}.{i}").read().split()[-2:]) for i in range(1, n + 1)]
ours, fw = runs("ours", repeats), runs("fw", repeats)
(ow, om), (fwall, fm) = min(ours), min(fw)
print(f"== transcribe {count} meetings over 30 s windows, one process each, best of {repeats}")
print(f"time      ours {ow:6.2f} s   faster-whisper int8 {fwall:6.2f} s   (ratio {ow / fwall:.2f})")
print(f"memory    ours {om / 1024:6.0f} MB  faster-whisper int8 {fm / 1024:6.0f} MB")
def median(name, field):
    return sorted(float(open(f"{work}/{name}.{i}").read().split()[-3:][field]) for i in range(1, 6))[2]
load, help_ = median("load", 0), median("help", 0)
cpu = lambda name: sorted(sum(float(x) for x in open(f"{work}/{name}.{i}").read().split()[-2:]) for i in range(1, 6))[2]
print(f"== start-up: model load (transcribe 1 s of silence minus --help, medians of 5)")
print(f"load      ours {load - help_:.2f} s wall, {cpu('load') - cpu('help'):.2f} s CPU (process {load:.2f} s, --help {help_:.2f} s)"
      f"   whisper.cpp 0.08 s (issue 16, not built here)")
PY
