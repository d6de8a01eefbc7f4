#!/usr/bin/env bash
# Creates (once) the throwaway Python venv with `websockets` that the /stream tests' client runs in,
# and prints its python path. Only tests use it; nothing at run time needs Python.
set -euo pipefail
VENV="${MOCKPILOT_CLIENT_VENV:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/venv-serve-client}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import websockets' 2>/dev/null; then
    python3 -m venv "$VENV" >&2 || { echo "error: python3 -m venv failed (install python3-venv)" >&2; exit 1; }
    "$VENV/bin/pip" install --quiet "websockets==15.0.1" >&2 || {
        echo "error: pip could not install websockets into $VENV (PyPI unreachable?)" >&2; exit 1; }
fi
echo "$VENV/bin/python"
