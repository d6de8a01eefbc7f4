#!/usr/bin/env bash
# Design words invented in real talk: recorded people who ask for no screen element (Allison's
# telephone prompts, a LibriVox reading, spoken card numbers; Debian packages, see
# scripts/deps.sh), cut into three talks of about seven minutes, through `run`'s speech stage
# (`transcribe --vad`) plainly and with --design-prompt at each decoder bias given. A design word
# (brand or component word, as eval-audio.sh counts them) heard more often with the prompt than
# without it was not said: that count, per minute, is what the bias must keep near zero.
# Usage: scripts/eval-invented.sh BIN [BIAS ...]   (default biases: 0 and the built-in default)
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
shift || true
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ALLISON=/usr/share/asterisk/sounds/en_US_f_Allison
SPHINX=/usr/share/pocketsphinx/test/data
for dir in "$ALLISON" "$SPHINX/librivox"; do
  [[ -d $dir ]] || { echo "eval-invented.sh: $dir is missing: scripts/deps.sh installs it" >&2; exit 1; }
done
if [[ -n "${MOCKPILOT_EVAL_KEEP:-}" ]]; then work=$MOCKPILOT_EVAL_KEEP; mkdir -p "$work"
else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi

# Three talks: every prompt and reading in turn, a second of silence between them.
mapfile -t clips < <(ls "$ALLISON"/*.wav "$ALLISON"/followme/*.wav "$ALLISON"/dictate/*.wav "$SPHINX"/librivox/*.wav \
  "$SPHINX"/cards/*.wav | sort)
sox -n -r 16000 -c 1 -b 16 "$work/pause.wav" trim 0 1
for n in 0 1 2; do
  parts=()
  for i in "${!clips[@]}"; do
    (( i % 3 == n )) || continue
    sox "${clips[$i]}" -r 16000 -c 1 -b 16 "$work/clip-$i.wav"
    parts+=("$work/clip-$i.wav" "$work/pause.wav")
  done
  sox "${parts[@]}" "$work/talk_$n.wav"
  rm -f "$work"/clip-*.wav
done
talks=("$work"/talk_{0,1,2}.wav)
"$BIN" transcribe --vad "${talks[@]}" > "$work/real-plain.jsonl"
biases=("$@")
[[ ${#biases[@]} -gt 0 ]] || biases=(0 default)
for bias in "${biases[@]}"; do
  flag=(); [[ $bias == default ]] || flag=(--design-bias "$bias")
  "$BIN" transcribe --vad --design-prompt "${flag[@]}" "${talks[@]}" > "$work/real-bias-$bias.jsonl"
  python3 - "$work" "$bias" "$ROOT/Themes/design_mapper.yaml" "$ROOT/scripts/reference" "${talks[@]}" <<'PY'
import json, sys, wave
work, bias, brands_file, reference, *talks = sys.argv[1:]
sys.path.insert(0, reference)
from design_words import words, invented
vocabulary = words(brands_file)
minutes = sum(wave.open(t).getnframes() / 16000 for t in talks) / 60
def texts(name):
    out = {}
    for l in open(f"{work}/{name}.jsonl"):
        seg = json.loads(l)
        out[seg["id"]] = out.get(seg["id"], "") + " " + seg["text"]
    return out
plain, prompted = texts("real-plain"), texts(f"real-bias-{bias}")
extra = [w for key in prompted for w in invented(plain.get(key, ""), prompted[key], vocabulary)]
print(f"real talk, design prompt, bias {bias:7}: {len(extra)} design words invented in {minutes:.1f} min "
      f"= {len(extra) / minutes:.2f}/min {sorted(extra)}")
PY
done
