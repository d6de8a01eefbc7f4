#!/usr/bin/env bash
# Replays every meeting of ../shared/eval/real-talk through the binary as a new user would
# (`run --transcript NAME.vtt --no-tui`, fresh data and config folders, default settings) and
# scores the output with scripts/real-talk.py: components per meeting, false components (first
# version more than 2 cues from any labelled cue) per hour, versions from unlabelled lines,
# clear asks found, wall time.
# Usage: scripts/eval-real-talk.sh BIN [--rules-only | --cross] [--verbose]
#   default       the installed models linked in (what `make models` gives), the built-in head
#   --rules-only  no models: the rules alone
#   --cross       the head retrained without the meetings scored (FOLDS folds, 4 unless set), so
#                 no meeting is scored by a head that saw its lines; needs the labelled sets
set -euo pipefail
BIN=${1:-.build/release/mockpilot}
MODE=${2:-default}
VERBOSE=${3:-}
[[ "$MODE" == "--verbose" ]] && { MODE=default; VERBOSE=--verbose; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# REAL_TALK: another folder of NAME.vtt + NAME.asks.jsonl to score instead (meetings never tuned on).
CORPUS="${REAL_TALK:-$ROOT/../shared/eval/real-talk}"
MODELS="${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/models"
if [[ ! -x "$BIN" ]]; then echo "eval-real-talk.sh: no binary at $BIN (run swift build -c release)" >&2; exit 1; fi
if [[ ! -d "$CORPUS" ]]; then echo "eval-real-talk.sh: real-talk corpus not found at $CORPUS" >&2; exit 1; fi
if [[ "$MODE" != "--rules-only" && ! -d "$MODELS/all-MiniLM-L6-v2" ]]; then
  echo "eval-real-talk.sh: no MiniLM in $MODELS (run make models, or pass --rules-only)" >&2; exit 1
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t names < <(cd "$CORPUS" && ls *.vtt | sed 's/\.vtt$//')

# replay NAME [HEAD]: one meeting through the binary, in its own fresh folders.
replay() {
  local name=$1 head=${2:-${MOCKPILOT_INTENT_HEAD:-}} dir="$work/$1"
  mkdir -p "$dir/data/mockpilot" "$dir/cfg"
  [[ "$MODE" != "--rules-only" ]] && ln -s "$MODELS" "$dir/data/mockpilot/models"
  # INTENT_THRESHOLD: the [intent] threshold to replay with, instead of the default (to choose it by).
  if [[ -n "${INTENT_THRESHOLD:-}" ]]; then
    mkdir -p "$dir/cfg/mockpilot" && printf '[intent]\nthreshold = %s\n' "$INTENT_THRESHOLD" > "$dir/cfg/mockpilot/mockpilot.conf"
  fi
  local started=$SECONDS
  MOCKPILOT_INTENT_HEAD="$head" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/cfg" timeout 600 \
    "$BIN" run --transcript "$CORPUS/$name.vtt" --no-tui --out "$dir/out" > "$dir/events.jsonl" 2> "$dir/stderr" \
    || { echo "eval-real-talk.sh: $name failed:" >&2; cat "$dir/stderr" >&2; exit 1; }
  echo "$name $((SECONDS - started)) s" >> "$work/times"
}

started=$SECONDS
if [[ "$MODE" == "--cross" ]]; then
  FOLDS=${FOLDS:-4}
  for (( fold = 0; fold < FOLDS; fold++ )); do
    scored=()
    for i in "${!names[@]}"; do (( i % FOLDS == fold )) && scored+=("${names[$i]}"); done
    BIN="$BIN" "$ROOT/scripts/train-intents.sh" --out "$work/head-$fold.json" --without "${scored[@]}" > /dev/null
    for name in "${scored[@]}"; do replay "$name" "$work/head-$fold.json"; done
  done
else
  for name in "${names[@]}"; do replay "$name"; done
fi
case "$MODE" in
  --rules-only) echo "real talk, rules alone (no models)";;
  --cross) echo "real talk, head retrained without the meetings scored (${FOLDS:-4} folds, meeting i in fold i mod ${FOLDS:-4})";;
  *) echo "real talk, default after make models (head: ${MOCKPILOT_INTENT_HEAD:-built in})";;
esac
python3 "$ROOT/scripts/real-talk.py" score "$CORPUS" "$work" $VERBOSE
echo "wall time: $((SECONDS - started)) s for ${#names[@]} meetings; slowest: $(sort -k2 -n -r "$work/times" | head -1)"
