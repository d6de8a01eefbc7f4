#!/usr/bin/env bash
# `make demo`: a recorded product meeting through the whole pipeline, in the TUI when there is a
# terminal, else as JSON Lines. Components land in ./mockpilot-out/src/components.
set -euo pipefail
bin=${1:-.build/debug/mockpilot}
here=$(cd "$(dirname "$0")" && pwd)
meeting="$here/demo/product-meeting.vtt"
out=${MOCKPILOT_DEMO_OUT:-./mockpilot-out}

if [ -t 1 ] && [ -t 0 ]; then
  exec "$bin" run --transcript "$meeting" --realtime --speed "${MOCKPILOT_DEMO_SPEED:-2}" --out "$out"
fi
"$bin" run --transcript "$meeting" --out "$out" --no-tui
echo
echo "Components written:"
ls -1 "$out/src/components"
