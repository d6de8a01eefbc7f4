#!/usr/bin/env bash
# Creates (once) the Python venv in which Resemblyzer 0.1.4 itself runs as the reference for the
# speaker encoder's parity test, and prints its python path. PyTorch comes from Debian
# (python3-torch, CPU; scripts/deps.sh installs it), so the venv is built on Debian's python3
# with its site packages; numpy stays Debian's, which that torch was built against.
set -euo pipefail
VENV="${MOCKPILOT_SPEAKER_VENV:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/venv-speaker}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import resemblyzer, torch' 2>/dev/null; then
    /usr/bin/python3 -c 'import torch' 2>/dev/null || {
        echo "error: Debian's python3-torch is missing (run scripts/deps.sh, or apt-get install python3-torch)" >&2; exit 1; }
    /usr/bin/python3 -m venv --system-site-packages "$VENV" >&2 || {
        echo "error: python3 -m venv failed (install python3-venv)" >&2; exit 1; }
    numpy=$(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)')
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "numpy==$numpy" "librosa==0.10.2.post1" \
        "webrtcvad-wheels==2.0.14" >&2 && \
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps "resemblyzer==0.1.4" >&2 || {
        echo "error: pip could not install resemblyzer 0.1.4 and librosa into $VENV (PyPI unreachable?)" >&2; exit 1; }
fi
echo "$VENV/bin/python"
