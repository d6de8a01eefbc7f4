#!/usr/bin/env bash
# Call capture: each dev meeting split into a room (its first speaker, on the microphone) and a
# call (everyone else, played into a PulseAudio null sink and heard on its monitor), with the
# call's echo in the microphone 12 dB down and 40 ms late, as with speakers instead of headphones.
# Prints per meeting the share of the room's words heard as "You", of the call's as "Call", and
# the "You" utterances that were the call's echo transcribed again (goal 0). Starts its own
# pulseaudio daemon per meeting (Tests/TestSupport/PulseServer.swift); needs `make deps models`.
# Usage: scripts/eval-call.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MOCKPILOT_CALL_FIGURES=1 swift test --no-parallel --filter CallAudioRunTests/callCaptureFigures 2>&1 \
  | sed -n '/^== call capture/,/^meeting_03/p'
