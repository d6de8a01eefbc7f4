#!/usr/bin/env bash
# Whisper tiny.en against base (multilingual, language detected): word error rate on the spoken
# lines and on the dev meetings (whole 30 s windows, no VAD), each beside faster-whisper with the
# same weights (float32, beam 1, 2 threads) in the same run; then end of speech to final transcript
# through `run` at real-time pace (scripts/bench-streaming.sh) for each model.
# Usage: scripts/eval-models.sh BIN [MODEL ...]   (default: tiny.en base)
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
shift || true
models=("$@")
[ ${#models[@]} -gt 0 ] || models=(tiny.en base)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
AUDIO="$ROOT/../shared/eval/audio"
DATA="${MOCKPILOT_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot}"
[ -x "$BIN" ] || { echo "eval-models: no binary at $BIN (run swift build -c release)" >&2; exit 1; }
[ -f "$AUDIO/manifest.jsonl" ] || { echo "eval-models: no spoken set at $AUDIO" >&2; exit 1; }
PY=$(bash "$ROOT/scripts/venv.sh" reference faster-whisper==1.2.1)
# MOCKPILOT_EVAL_KEEP=DIR keeps the transcripts there (and reuses faster-whisper's from an earlier run).
if [[ -n "${MOCKPILOT_EVAL_KEEP:-}" ]]; then work=$MOCKPILOT_EVAL_KEEP; mkdir -p "$work"
else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi

mapfile -t lines < <(python3 -c "
import json
for l in open('$AUDIO/manifest.jsonl'):
    r = json.loads(l)
    if r['kind'] == 'line': print('$AUDIO/' + r['wav'])")
meetings=("$AUDIO"/meetings/meeting_0{1,2,3}.wav)

for model in "${models[@]}"; do
  dir="$DATA/models/whisper-$model"
  [ -f "$dir/model.bin" ] || { echo "eval-models: no $dir (run make models)" >&2; exit 1; }
  if [[ "${MOCKPILOT_EVAL_REFERENCE_ONLY:-0}" != "1" ]]; then
    "$BIN" transcribe --model "$model" "${lines[@]}" > "$work/$model-ours-lines.jsonl" 2>/dev/null
    "$BIN" transcribe --model "$model" "${meetings[@]}" > "$work/$model-ours-meetings.jsonl" 2>/dev/null
  fi
  for group in lines meetings; do
    [ -s "$work/$model-fw-$group.jsonl" ] && continue
    if [ $group = lines ]; then set -- "${lines[@]}"; else set -- "${meetings[@]}"; fi
    "$PY" "$ROOT/scripts/reference/whisper_reference.py" transcribe "$dir" "$@" > "$work/$model-fw-$group.part"
    mv "$work/$model-fw-$group.part" "$work/$model-fw-$group.jsonl"
  done
done

[[ "${MOCKPILOT_EVAL_REFERENCE_ONLY:-0}" == "1" ]] && exit 0
echo "== Whisper models: word error rate, ours beside faster-whisper (same weights, float32, beam 1)"
python3 - "$AUDIO" "$work" "$ROOT/scripts/reference" "${models[@]}" <<'PY'
import json, os, sys
audio, work, reference, models = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
sys.path.insert(0, reference)
from wer import wer
key = lambda path: os.path.basename(path).rsplit(".", 1)[0]
refs = {"lines": {}, "meetings": {}}
for l in open(f"{audio}/manifest.jsonl"):
    r = json.loads(l)
    if r["kind"] == "line": refs["lines"][key(r["wav"])] = r["text"]
for n in (1, 2, 3):
    refs["meetings"][f"meeting_0{n}"] = " ".join(l["text"] for l in json.load(open(f"{audio}/meetings/meeting_0{n}.json"))["lines"])
def ours(path):
    hyps = {}
    for l in open(path):
        seg = json.loads(l)
        hyps[seg["id"]] = hyps.get(seg["id"], "") + " " + seg["text"]
    return hyps
def theirs(path):
    hyps, languages = {}, []
    for l in open(path):
        r = json.loads(l)
        hyps[key(r["wav"])] = " ".join(s["text"] for s in r["segments"])
        languages.append(r["language"])
    return hyps, languages
print(f"{'model':<9} {'set':<9} {'ours':>7} {'faster-whisper':>15}   faster-whisper's detected languages")
for model in models:
    for group in ("lines", "meetings"):
        e, w = wer(refs[group], ours(f"{work}/{model}-ours-{group}.jsonl"))
        fw, languages = theirs(f"{work}/{model}-fw-{group}.jsonl")
        fe, fwords = wer(refs[group], fw)
        counts = {l: languages.count(l) for l in sorted(set(languages))}
        print(f"{model:<9} {group:<9} {e / max(w, 1):7.1%} {fe / max(fwords, 1):15.1%}   {counts}")
PY

for model in "${models[@]}"; do
  echo
  echo "== $model: end of speech to final transcript, through run (speech.model = $model)"
  MOCKPILOT_SPEECH_MODEL=$model "$ROOT/scripts/bench-streaming.sh" "$BIN"
done
