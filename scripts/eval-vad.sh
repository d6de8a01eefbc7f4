#!/usr/bin/env bash
# Words Whisper invents on audio with no speech, behind each voice detector: sox clips of
# silence, dither, noises, a tremolo sweep and plucked notes (music-like) and key clicks, through
# `mockpilot transcribe` as whole windows (what `transcribe` does) and as utterances (--vad, what
# `run` does). Goal: 0 everywhere. Boundaries, speech missed and end-of-speech latency on the dev
# meetings: swift test --filter VADComparisonTests. Usage: scripts/eval-vad.sh BIN
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
if [[ ! -x "$BIN" ]]; then echo "eval-vad.sh: no binary at $BIN (run swift build -c release)" >&2; exit 1; fi
command -v sox >/dev/null || { echo "eval-vad.sh: sox not found (scripts/deps.sh installs it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

clip() { # clip NAME SOX-SYNTH-ARGS...
  local name=$1; shift
  sox -R -n -r 16000 -c 1 -b 16 "$tmp/$name.wav" "$@"
}
clip silence synth 10 sine 0 vol 0
clip dither synth 10 whitenoise vol 0.0003
clip white synth 10 whitenoise vol 0.1
clip pink synth 10 pinknoise vol 0.3
clip brown synth 10 brownnoise vol 0.3
clip music synth 10 sine 220-880 tremolo 4 60 vol 0.3
clip chords synth 10 pluck 220 vol 0.3 repeat 0
clip keyboard synth 0.02 whitenoise fade 0 0.02 0.015 vol 0.5 pad 0 0.13 repeat 66
names=(silence dither white pink brown music chords keyboard)
files=("${names[@]/#/$tmp/}")
files=("${files[@]/%/.wav}")

echo "== voice detectors: words invented on 10 s clips with no speech (goal 0)"
printf '%-22s' "detector, mode"; printf '%9s' "${names[@]}"; printf '%9s\n' total
for detector in energy silero; do
  for mode in windows utterances; do
    flags=(--vad-detector "$detector")
    [[ $mode == utterances ]] && flags+=(--vad)
    out=$("$BIN" transcribe --format jsonl "${flags[@]}" "${files[@]}")
    printf '%-22s' "$detector, $mode"
    total=0
    for n in "${names[@]}"; do
      words=$(printf '%s\n' "$out" | python3 -c '
import json, sys
print(sum(len(json.loads(l)["text"].split()) for l in sys.stdin if l.strip() and json.loads(l).get("id") == sys.argv[1]))' "$n")
      total=$((total + words))
      printf '%9s' "$words"
    done
    printf '%9s\n' "$total"
  done
done

# The dev meetings through `run`'s speech stage: what each detector costs in words.
MEETINGS="$(cd "$(dirname "$0")/.." && pwd)/../shared/eval/audio/meetings"
if [[ -d "$MEETINGS" ]]; then
  echo
  echo "== voice detectors: word error rate on the dev meetings (transcribe --vad, Whisper tiny.en)"
  for detector in energy silero; do
    "$BIN" transcribe --format jsonl --vad --vad-detector "$detector" "$MEETINGS"/meeting_0{1,2,3}.wav > "$tmp/$detector.jsonl"
    python3 -c '
import json, sys
sys.path.insert(0, sys.argv[4])
from wer import wer
meetings, heard, detector = sys.argv[1:4]
refs, hyps = {}, {}
for n in (1, 2, 3):
    key = f"meeting_0{n}"
    refs[key] = " ".join(line["text"] for line in json.load(open(f"{meetings}/{key}.json"))["lines"])
    hyps[key] = ""
for l in open(heard):
    seg = json.loads(l)
    hyps[seg["id"]] += " " + seg["text"]
errors, words = wer(refs, hyps)
print(f"{detector:8} {errors}/{words} = {errors / max(words, 1):.1%}")' "$MEETINGS" "$tmp/$detector.jsonl" "$detector" "$(cd "$(dirname "$0")" && pwd)/reference"
  done
fi
