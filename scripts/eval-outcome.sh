#!/usr/bin/env bash
# The meeting-level outcome of the labelled meetings (issue 14): each meeting replayed through the
# binary as a transcript (`run --transcript lines.jsonl --no-tui`, fresh folders, a line every 6 s
# with 2 s of silence after it), then scored by `mockpilot eval outcome`: every labelled ask made
# as a component of its kind from that line, every labelled change landed on the component made
# from the ask it refers to. Meetings are told apart by their ids (own-hotel-01: own-hotel).
# Usage: scripts/eval-outcome.sh BIN [--cross | --cross-meetings | --built-in | --rules-only] [--verbose]
#   --cross       (default) the sets the head is trained on, each replayed with a head trained
#                 without its set (scripts/train-intents.sh --cross --heads: one set left out at a
#                 time, 16 fits of about 15 s; FOLDS=N leaves them out in N folds, set i in fold
#                 i mod N, which leaves each head less to learn from), pooled detection F1
#                 and component accuracy of the same heads beside; then the held-out, everyday,
#                 second held-out, described and third held-out sets, never trained on, with the
#                 built-in head
#   --cross-meetings  as --cross, but each meeting replayed with a head trained without that
#                 meeting alone (train-intents.sh --cross --by-meeting: 47 fits), so the head knows
#                 the other meetings of the same writer; the blind sets are not replayed
#   --built-in    every set with the built-in head (in-sample for the training sets)
#   --rules-only  no models: the rules alone
#   --verbose     list every ask and change missed, and every component made from a line that
#                 asked for nothing, with that line
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
MODE=${2:---cross}
VERBOSE=${3:-}
[[ "$MODE" == "--verbose" ]] && { MODE=--cross; VERBOSE=--verbose; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODELS="${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/models"
TRAINED=("$ROOT/../shared/eval/intents.dev.jsonl" "$ROOT/Tests/Eval/intents.dev2.jsonl" "$ROOT"/Tests/IntentTests/Meetings/*.jsonl)
BLIND=("$ROOT/Tests/Eval/intents.heldout.jsonl" "$ROOT/Tests/Eval/intents.everyday.jsonl" "$ROOT/Tests/Eval/intents.heldout2.jsonl"
       "$ROOT/Tests/Eval/intents.described.jsonl" "$ROOT/Tests/Eval/intents.heldout3.jsonl")
if [[ ! -x "$BIN" ]]; then echo "eval-outcome.sh: no binary at $BIN (run swift build -c release)" >&2; exit 1; fi
for set in "${TRAINED[@]}" "${BLIND[@]}"; do
  if [[ ! -f "$set" ]]; then echo "eval-outcome.sh: labelled set not found: $set" >&2; exit 1; fi
done
if [[ "$MODE" != "--rules-only" && ! -d "$MODELS/all-MiniLM-L6-v2" ]]; then
  echo "eval-outcome.sh: no MiniLM in $MODELS (run make models, or pass --rules-only)" >&2; exit 1
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# split SET: one folder per meeting under $work/meetings/SET/, each with lines.jsonl (timed).
split() {
  python3 - "$1" "$work/meetings/$(basename "$1" .jsonl)" <<'EOF'
import json, os, re, sys
meetings = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        row = json.loads(line)
        meetings.setdefault(re.sub(r"-?\d+$", "", row["id"]), []).append(row)
for name, rows in meetings.items():
    os.makedirs(f"{sys.argv[2]}/{name}", exist_ok=True)
    with open(f"{sys.argv[2]}/{name}/lines.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(rows):
            f.write(json.dumps(dict(row, ts_start=6.0 * i, ts_end=6.0 * i + 4)) + "\n")
EOF
}

# replay DIR [HEAD]: DIR/lines.jsonl through the binary in fresh folders, into DIR/events.jsonl.
replay() {
  local dir=$1 head=${2:-}
  # A head that is not there would leave the binary on the rules alone, with only a notice.
  if [[ -n "$head" && ! -f "$head" ]]; then echo "eval-outcome.sh: no head at $head for $dir" >&2; exit 1; fi
  mkdir -p "$dir/data/mockpilot" "$dir/cfg"
  [[ "$MODE" != "--rules-only" ]] && ln -sfn "$MODELS" "$dir/data/mockpilot/models"
  # INTENT_THRESHOLD: the [intent] threshold to replay with, instead of the default (to choose it by).
  if [[ -n "${INTENT_THRESHOLD:-}" ]]; then
    mkdir -p "$dir/cfg/mockpilot" && printf '[intent]\nthreshold = %s\n' "$INTENT_THRESHOLD" > "$dir/cfg/mockpilot/mockpilot.conf"
  fi
  MOCKPILOT_INTENT_HEAD="$head" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/cfg" timeout 600 \
    "$BIN" run --transcript "$dir/lines.jsonl" --no-tui --out "$dir/out" > "$dir/events.jsonl" 2> "$dir/stderr" \
    || { echo "eval-outcome.sh: $dir failed:" >&2; cat "$dir/stderr" >&2; exit 1; }
}

# score LABEL SET...: the outcome of every meeting of these sets, pooled.
score() {
  local label=$1; shift
  local dirs=()
  for set in "$@"; do dirs+=("$work/meetings/$(basename "$set" .jsonl)"/*); done
  echo "-- $label"
  if [[ -n "$VERBOSE" ]]; then "$BIN" eval outcome "${dirs[@]}" --verbose; else "$BIN" eval outcome "${dirs[@]}" | tail -1; fi
}

started=$SECONDS
for set in "${TRAINED[@]}" "${BLIND[@]}"; do split "$set"; done
case "$MODE" in
  --cross|--cross-meetings)
    # KEEP_HEADS=DIR keeps the fold heads and their table there, and reuses them on the next run
    # (to compare thresholds without refitting). --cross-meetings: a head for each meeting, named
    # after it, and no blind sets (the built-in head scores those alike in both modes).
    heads=${KEEP_HEADS:-$work/heads}
    by_meeting=$([[ "$MODE" == --cross-meetings ]] && echo 1 || true)
    mkdir -p "$heads"
    if [[ ! -f "$heads/cross.txt" ]]; then
      FOLDS=${FOLDS:-} BIN="$BIN" "$ROOT/scripts/train-intents.sh" --cross ${by_meeting:+--by-meeting} --heads "$heads" > "$heads/cross.txt.part"
      mv "$heads/cross.txt.part" "$heads/cross.txt"
    fi
    for set in "${TRAINED[@]}"; do
      name=$(basename "$set" .jsonl)
      for dir in "$work/meetings/$name"/*; do
        left_out=$name
        [[ -n "$by_meeting" ]] && left_out=$(basename "$dir")
        replay "$dir" "$heads/without-$left_out.json"
      done
    done
    if [[ -n "$by_meeting" ]]; then
      echo "meeting outcome, cross-meeting: each labelled meeting replayed with a head trained without it"
      score "training sets (cross-meeting), ${#TRAINED[@]} sets" "${TRAINED[@]}"
    else
      for set in "${BLIND[@]}"; do
        for dir in "$work/meetings/$(basename "$set" .jsonl)"/*; do replay "$dir"; done
      done
      echo "meeting outcome, cross-set: each training set replayed with a head trained without it (${FOLDS:-one set at a time}${FOLDS:+ folds of sets})"
      score "training sets (cross-set), ${#TRAINED[@]} sets" "${TRAINED[@]}"
    fi
    combine=${COMBINE:-head-unless-sure}
    grep -E "^l2 [0-9.]+, $combine, (threshold ${INTENT_THRESHOLD:-0.75}, )?pooled" "$heads/cross.txt" | sed 's/^/   lines, same heads: /' || true
    if [[ -z "$by_meeting" ]]; then
      score "held-out set (never trained on), built-in head" "${BLIND[0]}"
      score "everyday words (never trained on), built-in head" "${BLIND[1]}"
      score "second held-out set (ten other writers, never trained on), built-in head" "${BLIND[2]}"
      score "asks described by their parts and purpose (never trained on), built-in head" "${BLIND[3]}"
      score "third held-out set (six other writers, never trained on), built-in head" "${BLIND[4]}"
    fi
    ;;
  --built-in|--rules-only)
    for set in "${TRAINED[@]}" "${BLIND[@]}"; do
      for dir in "$work/meetings/$(basename "$set" .jsonl)"/*; do replay "$dir"; done
    done
    echo "meeting outcome, ${MODE#--}"
    score "training sets (in-sample)" "${TRAINED[@]}"
    score "held-out set" "${BLIND[0]}"
    score "everyday words" "${BLIND[1]}"
    score "second held-out set" "${BLIND[2]}"
    score "asks described by their parts and purpose" "${BLIND[3]}"
    score "third held-out set" "${BLIND[4]}"
    ;;
  *) echo "eval-outcome.sh: unknown mode $MODE" >&2; exit 1;;
esac
echo "wall time: $((SECONDS - started)) s"
