#!/usr/bin/env bash
# Installs the Debian packages MockPilot builds and tests with, if any are missing.
set -euo pipefail

packages=(
  pkg-config
  libncursesw5-dev libasound2-dev libopus-dev libcurl4-openssl-dev libsqlite3-dev libopenblas-dev libpulse-dev
  # tests: a real terminal, a file-backed ALSA device, a PulseAudio server of their own, audio tools, the JSX reference parser and renderer
  python3 python3-pip python3-venv
  # speaker diarization: real voices for the eval and tests, PyTorch (CPU) for the Resemblyzer reference
  pocketsphinx-testdata asterisk-core-sounds-en-wav python3-torch
  tmux alsa-utils pulseaudio pulseaudio-utils sox espeak-ng opus-tools time
  nodejs node-babel7 esbuild node-react node-react-dom chromium unzip
  # make bench: HTTP load on `serve` (scripts/bench-serve.sh)
  wrk
)

missing=()
for p in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "mockpilot: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo)
else
  echo "mockpilot: cannot install packages (not root and no sudo). Run as root:" >&2
  echo "  apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${run[@]}" apt-get update -qq >/dev/null || ! "${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "mockpilot: apt-get could not install: ${missing[*]} (is a Debian mirror reachable?)" >&2
  exit 1
fi
