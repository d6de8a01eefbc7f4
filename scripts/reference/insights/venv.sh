#!/usr/bin/env bash
# Creates (once) the throwaway Python venv that holds the reference implementations
# the Swift insight code is compared against; prints the path of its python.
set -euo pipefail
VENV="${MOCKPILOT_REFERENCE_VENV:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/venv-reference}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import vaderSentiment' 2>/dev/null; then
    python3 -m venv "$VENV" >&2
    "$VENV/bin/pip" install --quiet --disable-pip-version-check vaderSentiment >&2
fi
echo "$VENV/bin/python"
