#!/usr/bin/env bash
# `make demo`: a recorded product meeting through the whole pipeline on the MockPilot screen.
#
#   MOCKPILOT_DEMO=audio       (default) the meeting spoken by espeak-ng, heard by Whisper
#   MOCKPILOT_DEMO=transcript  the meeting's WebVTT export, no speech recognition
#   MOCKPILOT_DEMO=mic         your microphone (alsa:default)
#
# Without a terminal it prints the events as JSON Lines. Components land in ./mockpilot-out.
set -euo pipefail
bin=${1:-.build/debug/mockpilot}
here=$(cd "$(dirname "$0")" && pwd)
vtt="$here/demo/product-meeting.vtt"
out=${MOCKPILOT_DEMO_OUT:-./mockpilot-out}
mode=${MOCKPILOT_DEMO:-audio}
data="${MOCKPILOT_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot}"

args=(run --out "$out")
case "$mode" in
  mic) args+=(--input alsa:default) ;;
  transcript) args+=(--transcript "$vtt") ;;
  audio)
    wav="$data/demo/product-meeting.wav"
    if [ ! -s "$wav" ] || [ "$vtt" -nt "$wav" ]; then
      mkdir -p "$data/demo"
      echo "mockpilot: speaking the demo meeting into $wav (espeak-ng)" >&2
      "$here/demo/speak-meeting.sh" "$vtt" "$wav"
    fi
    args+=(--input "$wav") ;;
  *) echo "mockpilot: MOCKPILOT_DEMO must be audio, transcript or mic" >&2; exit 2 ;;
esac

if [ -t 1 ] && [ -t 0 ]; then
  [ "$mode" = mic ] || args+=(--realtime)
  exec "$bin" "${args[@]}"
fi
"$bin" "${args[@]}" --no-tui
echo
echo "Components written to $out/src/components:"
ls -1 "$out/src/components"
