#!/usr/bin/env bash
# Whisper figures beside faster-whisper, measured in the same run over the eval audio:
# WER (normalised, see scripts/reference/wer.py), transcription time and peak memory.
#   scripts/bench-whisper.sh BIN        (called by `make bench`)
# faster-whisper runs tiny.en as int8, beam 1, 2 threads, no VAD, in a throwaway venv.
set -euo pipefail
bin="${1:?usage: bench-whisper.sh path/to/mockpilot}"
here="$(cd "$(dirname "$0")" && pwd)"
audio="${MOCKPILOT_EVAL_AUDIO:-$here/../../shared/eval/audio}"
model="${MOCKPILOT_WHISPER_MODEL:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/models/whisper-tiny.en}"
[ -f "$audio/manifest.jsonl" ] || { echo "bench-whisper: no $audio/manifest.jsonl" >&2; exit 1; }
[ -f "$model/model.bin" ] || { echo "bench-whisper: no model at $model (run make models)" >&2; exit 1; }
python="$("$here/venv.sh" reference faster-whisper==1.2.1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mapfile -t files < <(python3 -c '
import json, sys
for line in open(sys.argv[1] + "/manifest.jsonl"):
    print(sys.argv[1] + "/" + json.loads(line)["wav"])' "$audio")

# Ours as `run` decodes: utterance by utterance, cut by voice activity (--vad); and, beside it,
# over whole 30 s windows as faster-whisper does without its VAD filter.
/usr/bin/time -v -o "$work/ours.time" "$bin" transcribe --model "$model" --threads 2 --vad "${files[@]}" > "$work/ours.jsonl"
/usr/bin/time -v -o "$work/windows.time" "$bin" transcribe --model "$model" --threads 2 "${files[@]}" > "$work/windows.jsonl"
# The pipeline's own design prompt (brands, component words, cue phrases, then the recent
# transcript), for a WER figure beside the plain one. Per utterance (--vad), as `run` uses it:
# over whole 30 s windows a prompt makes tiny.en skip sentences.
"$bin" transcribe --model "$model" --threads 2 --vad --design-prompt "${files[@]}" > "$work/prompted.jsonl"
/usr/bin/time -v -o "$work/fw.time" "$python" "$here/reference/whisper_reference.py" transcribe "$model" \
    --compute-type int8 --threads 2 "${files[@]}" > "$work/fw.jsonl"
# faster-whisper again in float32, the arithmetic ours uses: shows which WER differences come
# from int8 rounding rather than from decoding.
"$python" "$here/reference/whisper_reference.py" transcribe "$model" \
    --compute-type float32 --threads 2 "${files[@]}" > "$work/fw32.jsonl"
# And with its own voice-activity filter (Silero), the nearest thing to ours per utterance.
"$python" "$here/reference/whisper_reference.py" transcribe "$model" \
    --compute-type int8 --threads 2 --vad "${files[@]}" > "$work/fwvad.jsonl"

python3 - "$audio" "$work" "$here/reference" <<'PY'
import json, os, re, sys
audio, work, ref_dir = sys.argv[1:4]
sys.path.insert(0, ref_dir)
from wer import wer

rows = [json.loads(l) for l in open(os.path.join(audio, "manifest.jsonl"))]
stem = lambda p: os.path.splitext(os.path.basename(p))[0]
def read_ours(name):
    texts = {}
    for l in open(os.path.join(work, name)):
        m = json.loads(l)
        texts[m["id"]] = (texts.get(m["id"], "") + " " + m["text"]).strip()
    return texts

ours, windows, prompted = read_ours("ours.jsonl"), read_ours("windows.jsonl"), read_ours("prompted.jsonl")
def read_fw(name):
    texts, seconds = {}, 0.0
    for l in open(os.path.join(work, name)):
        m = json.loads(l)
        texts[stem(m["wav"])] = " ".join(s["text"] for s in m["segments"]).strip()
        seconds += m["seconds"]
    return texts, seconds

theirs, fw_seconds = read_fw("fw.jsonl")
theirs32, _ = read_fw("fw32.jsonl")
theirs_vad, _ = read_fw("fwvad.jsonl")

def usage(name):
    text = open(os.path.join(work, name)).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    secs = float(wall.group(1) or 0) * 3600 + float(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return secs, rss

groups = {
    "lines, clean": [r for r in rows if r["kind"] == "line" and not r.get("noisy") and not r.get("degrade")],
    "lines, noisy": [r for r in rows if r["kind"] == "line" and (r.get("noisy") or r.get("degrade"))],
    "meetings": [r for r in rows if r["kind"] == "meeting"],
    "all": rows,
}
print("whisper tiny.en         ours        faster-whisper (int8, beam 1, 2 threads)")
print("                        (per utterance, as `run` decodes)")
for name, group in groups.items():
    refs = {stem(r["wav"]): r["text"] for r in group}
    (eo, n), (et, _) = wer(refs, ours), wer(refs, theirs)
    ep, _ = wer(refs, prompted)
    e32, _ = wer(refs, theirs32)
    ew, _ = wer(refs, windows)
    ev, _ = wer(refs, theirs_vad)
    print(f"WER {name:<18} {100 * eo / n:5.1f}%      {100 * et / n:5.1f}%   ({n} words)")
    print(f"    {'':<18} ours over 30 s windows {100 * ew / n:.1f}%, faster-whisper float32 {100 * e32 / n:.1f}%, "
          f"faster-whisper with its VAD filter {100 * ev / n:.1f}%, ours with the design prompt {100 * ep / n:.1f}%")
norm = lambda t: re.sub(r"[^a-z0-9' ]", "", t.lower()).split()
same = sum(norm(windows.get(k, "")) == norm(v) for k, v in theirs32.items())
print(f"ours over 30 s windows, word for word identical to faster-whisper float32: {same}/{len(theirs32)} files")
audio_seconds = sum(r["duration"] for r in rows)
(our_wall, our_rss), (fw_wall, fw_rss) = usage("ours.time"), usage("fw.time")
win_wall, win_rss = usage("windows.time")
print(f"time (process, {audio_seconds:.0f} s audio) {our_wall:6.2f} s    {fw_wall:6.2f} s   (ratio {our_wall / fw_wall:.2f})")
print(f"time / audio length      {our_wall / audio_seconds:6.3f}      {fw_wall / audio_seconds:6.3f}")
print(f"faster-whisper in-process transcribe() only: {fw_seconds:.2f} s (ours/that {our_wall / fw_seconds:.2f})")
print(f"peak memory (max RSS)    {our_rss:6.0f} MB   {fw_rss:6.0f} MB")
print(f"ours over 30 s windows: {win_wall:.2f} s (ratio {win_wall / fw_wall:.2f}), {win_rss:.0f} MB")
PY
