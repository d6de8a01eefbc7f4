#!/usr/bin/env bash
# Prints MockPilot's evaluation tables. Usage: scripts/eval.sh BIN (make eval passes the release binary).
# The blind held-out set is scored last: it is for judging the intent rules and head after they
# are written, never for tuning them (MOCKPILOT_EVAL_HELDOUT=0 leaves it out while you tune).
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEV="$ROOT/../shared/eval/intents.dev.jsonl"
DEV2="$ROOT/Tests/Eval/intents.dev2.jsonl"
HELDOUT="$ROOT/Tests/Eval/intents.heldout.jsonl"
if [[ ! -x "$BIN" ]]; then echo "eval.sh: no binary at $BIN (run swift build -c release)" >&2; exit 1; fi
for set in "$DEV" "$DEV2"; do
  if [[ ! -f "$set" ]]; then echo "eval.sh: labelled set not found: $set" >&2; exit 1; fi
done

# Each table ends with a reliability table: lines binned by confidence (published at >= 0.75
# or not) against the share that are design lines, the expected calibration error, and the time
# per line. Both tuning sets are among the intent head's training sets (scripts/train-intents.sh):
# their figures are not generalisation figures; `scripts/train-intents.sh --cross` prints those.
echo "== intents: shared dev set, $DEV (tuned and trained on)"
"$BIN" eval intents "$DEV"
echo
echo "== intents: second tuning set, $DEV2 (written blind, then tuned and trained on)"
"$BIN" eval intents "$DEV2"
echo
echo "== intents: $DEV2, rules alone (what a meeting without the MiniLM model gets)"
"$BIN" eval intents "$DEV2" --rules-only
echo
if [[ "${MOCKPILOT_EVAL_HELDOUT:-1}" == "1" ]]; then
  echo "== intents: held-out set, $HELDOUT (never tuned or trained on)"
  "$BIN" eval intents "$HELDOUT"
  echo
  echo "== intents: $HELDOUT, rules alone"
  "$BIN" eval intents "$HELDOUT" --rules-only
else
  echo "== intents: held-out set, $HELDOUT: not scored (MOCKPILOT_EVAL_HELDOUT=0)"
fi

echo
"$ROOT/scripts/eval-audio.sh" "$BIN"

echo
"$ROOT/scripts/eval-vad.sh" "$BIN"
