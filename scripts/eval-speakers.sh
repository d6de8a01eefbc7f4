#!/usr/bin/env bash
# Speaker diarization figures: multi-speaker meetings through `mockpilot transcribe --vad
# --speakers`, scored against who really spoke (scripts/score-speakers.py: share of utterances
# with the right speaker after the best one-to-one label mapping, speakers found vs true).
# Meetings: two built from real recordings of different people in Debian packages
# (scripts/speaker-meeting.py), and the espeak meetings in ../shared if present; then the
# two- and four-voice meetings heard live (`run --realtime`), scored the same way.
# Cost: the same four-voice meeting transcribed with and without --speakers; the difference in
# wall time and peak memory, per utterance, is what the voice embeddings cost. On a busy machine
# Whisper's own time varies by more than that; `swift test --filter VoiceEncoderTests` times the
# embeddings alone.
# Usage: scripts/eval-speakers.sh BIN
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -x "$BIN" ]]; then echo "eval-speakers.sh: no binary at $BIN (run swift build -c release)" >&2; exit 1; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # run NAME WAV TRUTH: transcribe with speakers, print the score
  local name=$1 wav=$2 truth=$3
  /usr/bin/time -f "%e %M" -o "$work/$name.time" \
    "$BIN" transcribe "$wav" --vad --vad-detector silero --speakers > "$work/$name.jsonl"
  printf '%-22s %s\n' "$name" "$(python3 "$ROOT/scripts/score-speakers.py" "$truth" "$work/$name.jsonl")"
}

echo "== speakers: share of utterances with the right speaker, speakers found vs true"
for meeting in four three; do
  python3 "$ROOT/scripts/speaker-meeting.py" "$meeting" "$work/$meeting.wav" "$work/$meeting.json"
  run "real voices ($meeting)" "$work/$meeting.wav" "$work/$meeting.json"
done
shared="$ROOT/../shared/eval/audio/meetings"
for truth in "$shared"/meeting_*.json; do
  [[ -f "$truth" ]] || continue
  name=$(basename "$truth" .json)
  run "espeak $name" "$shared/$name.wav" "$truth"
done

echo "== speakers: how alike the voices are to the encoder (mean cosine within and between, lines cut at their true times)"
python=$("$ROOT/scripts/venv.sh" speaker --debian torch --debian numpy librosa==0.10.2.post1 webrtcvad-wheels==2.0.14 \
    --no-deps resemblyzer==0.1.4)
models="${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/models"
"$python" "$ROOT/scripts/reference/speaker_pairs.py" "$models/resemblyzer/pretrained.pt" "$work/four.json" "$shared"/meeting_*.json

echo "== speakers live: the real-voice meetings played through run --realtime, each final's speaker"
python3 "$ROOT/scripts/speaker-meeting.py" two "$work/two.wav" "$work/two.json"
for meeting in two four; do
  "$BIN" run --input "$work/$meeting.wav" --realtime --no-tui --out "$work/out" --db "$work/db.sqlite" 2>/dev/null \
    | python3 -c 'import json, sys
for line in sys.stdin:
    e = json.loads(line)
    if e["type"] == "transcript": print(json.dumps(e["utterance"]["msg"]))' > "$work/live-$meeting.jsonl"
  printf '%-22s %s\n' "live ($meeting)" "$(python3 "$ROOT/scripts/score-speakers.py" "$work/$meeting.json" "$work/live-$meeting.jsonl")"
done

echo "== speakers: cost of the voice embeddings (four-voice meeting, with vs without --speakers)"
/usr/bin/time -f "%e %M" -o "$work/plain.time" "$BIN" transcribe "$work/four.wav" --vad --vad-detector silero > /dev/null
utterances=$(wc -l < "$work/real voices (four).jsonl")
read -r with_s with_kb < "$work/real voices (four).time"
read -r plain_s plain_kb < "$work/plain.time"
python3 -c "
u, ws, wk, ps, pk = $utterances, $with_s, $with_kb, $plain_s, $plain_kb
print(f'{u} utterances: {1000 * (ws - ps) / u:.0f} ms per utterance embedding (wall {ws:.1f} s against {ps:.1f} s), '
      f'peak memory {wk / 1024:.0f} MB against {pk / 1024:.0f} MB (+{(wk - pk) / 1024:.0f} MB)')"
