#!/usr/bin/env bash
# Creates (once) the throwaway Python venv with faster-whisper that reference scripts use,
# and prints its python path. Tests and bench call this; nothing at run time needs Python.
set -euo pipefail
VENV="${MOCKPILOT_REFERENCE_VENV:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/venv-reference}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import faster_whisper' 2>/dev/null; then
    python3 -m venv "$VENV" >&2 || { echo "error: python3 -m venv failed (install python3-venv)" >&2; exit 1; }
    "$VENV/bin/pip" install --quiet "faster-whisper==1.2.1" >&2 || {
        echo "error: pip could not install faster-whisper into $VENV (PyPI unreachable?)" >&2; exit 1; }
fi
echo "$VENV/bin/python"
