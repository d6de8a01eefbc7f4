#!/usr/bin/env bash
# Creates (once) a throwaway Python venv that tests and benches run reference code in, and prints
# its python path. Nothing at run time needs Python.
#
#   scripts/venv.sh NAME [--debian MODULE]... PACKAGE... [--no-deps PACKAGE...]
#
# The venv is $XDG_DATA_HOME/mockpilot/venv-NAME (~/.local/share/...), reused while every PACKAGE
# is installed in it (at its version, when pinned with ==); callers that name the same venv add
# their packages to it. --debian MODULE: the venv is built on Debian's python3 with its site
# packages, MODULE must come from Debian (e.g. torch from python3-torch, which scripts/deps.sh
# installs) and pip keeps Debian's version of it (other packages are built against it).
# Packages after --no-deps are installed last, without their dependencies.
set -euo pipefail
usage() { echo "usage: scripts/venv.sh NAME [--debian MODULE]... PACKAGE... [--no-deps PACKAGE...]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
NAME=$1; shift
debian=() packages=() nodeps=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --debian) [[ $# -ge 2 ]] || usage; debian+=("$2"); shift 2 ;;
        --no-deps) shift; nodeps=("$@"); break ;;
        -*) usage ;;
        *) packages+=("$1"); shift ;;
    esac
done
VENV="${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot/venv-$NAME"

# Ready when each package is installed (at its pinned version) and each Debian module imports.
installed='
import importlib.metadata as metadata, sys
for spec in sys.argv[1:]:
    name, _, version = spec.partition("==")
    try:
        found = metadata.version(name)
    except metadata.PackageNotFoundError:
        sys.exit(1)
    if version and found != version:
        sys.exit(1)'
ready() {
    [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c "$installed" "${packages[@]}" "${nodeps[@]}" 2>/dev/null || return 1
    [[ ${#debian[@]} -eq 0 ]] || "$VENV/bin/python" -c "import $(IFS=,; echo "${debian[*]}")" 2>/dev/null
}

# One caller at a time builds or extends a venv: tests run in parallel (`swift test` without
# --no-parallel) would otherwise find a half-made one and call a pip that is not there yet.
mkdir -p "$(dirname "$VENV")"
exec 9> "$VENV.lock"
flock 9

if ! ready; then
    pip=(--quiet --disable-pip-version-check)
    if [[ ${#debian[@]} -gt 0 ]]; then
        for module in "${debian[@]}"; do
            /usr/bin/python3 -c "import $module" 2>/dev/null || {
                echo "error: Debian's python3 has no $module (run scripts/deps.sh)" >&2; exit 1; }
        done
        /usr/bin/python3 -m venv --system-site-packages "$VENV" >&2 || {
            echo "error: python3 -m venv failed (install python3-venv)" >&2; exit 1; }
        constraints="$VENV/debian-constraints.txt"
        /usr/bin/python3 -c '
import importlib, sys
for module in sys.argv[1:]:
    print(f"{module}=={importlib.import_module(module).__version__}")' "${debian[@]}" > "$constraints"
        pip+=(--constraint "$constraints")
    else
        python3 -m venv "$VENV" >&2 || { echo "error: python3 -m venv failed (install python3-venv)" >&2; exit 1; }
    fi
    { [[ ${#packages[@]} -eq 0 ]] || "$VENV/bin/pip" install "${pip[@]}" "${packages[@]}" >&2; } &&
    { [[ ${#nodeps[@]} -eq 0 ]] || "$VENV/bin/pip" install "${pip[@]}" --no-deps "${nodeps[@]}" >&2; } || {
        echo "error: pip could not install ${packages[*]} ${nodeps[*]} into $VENV (PyPI unreachable?)" >&2; exit 1; }
fi
echo "$VENV/bin/python"
