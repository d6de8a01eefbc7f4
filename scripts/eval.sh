#!/usr/bin/env bash
# Prints MockPilot's evaluation tables. Usage: scripts/eval.sh BIN (make eval passes the release binary).
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SET="$ROOT/../shared/eval/intents.dev.jsonl"
if [[ ! -x "$BIN" ]]; then echo "eval.sh: no binary at $BIN (run swift build -c release)" >&2; exit 1; fi
if [[ ! -f "$SET" ]]; then echo "eval.sh: labelled set not found: $SET" >&2; exit 1; fi

# Each table ends with a reliability table: lines binned by confidence (published at >= 0.75
# or not) against the share that are design lines, and the expected calibration error.
echo "== intents: $SET (all lines)"
"$BIN" eval intents "$SET"
echo
# Not held out from the rules (they were tuned on every dev line); a check that a subset
# scored in meeting context agrees with the whole.
echo "== intents: every 5th line, scored in context"
"$BIN" eval intents "$SET" --holdout 5

echo
"$ROOT/scripts/eval-audio.sh" "$BIN"
