"""Resemblyzer 0.1.4 itself (PyTorch, librosa) as the reference for the Swift speaker encoder's
parity test (Tests/SpeakerTests). Run in the venv scripts/venv.sh makes (Tests/TestSupport/ReferencePython.swift names its packages).

Usage: resemblyzer_reference.py PRETRAINED_PT WAV...

Each WAV (16 kHz, mono, 16-bit) is one utterance: scaled to [-1, 1) by 1/32768 as MockPilot
reads it, raised to -30 dBFS if quieter (resemblyzer's `normalize_volume(..., increase_only=
True)`), then `VoiceEncoder.embed_utterance` with its defaults (rate 1.3, min_coverage 0.75).
`preprocess_wav`'s other step, trimming long silences with webrtcvad, is left out on purpose:
MockPilot embeds utterances its own voice detector has already cut.

Prints one JSON object: {"files": [{"path", "embedding": [256 floats], "mel_frames"}]}.
"""
import json
import sys
import warnings
import wave

import numpy as np

warnings.filterwarnings("ignore")
from resemblyzer import VoiceEncoder, audio  # noqa: E402
from resemblyzer.hparams import audio_norm_target_dBFS  # noqa: E402


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getframerate() != 16000 or w.getnchannels() != 1 or w.getsampwidth() != 2:
            sys.exit(f"{path}: expected 16 kHz mono 16-bit PCM")
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: resemblyzer_reference.py PRETRAINED_PT WAV...")
    encoder = VoiceEncoder("cpu", verbose=False, weights_fpath=sys.argv[1])
    files = []
    for path in sys.argv[2:]:
        wav = audio.normalize_volume(read_wav(path), audio_norm_target_dBFS, increase_only=True)
        embedding = encoder.embed_utterance(wav.astype(np.float32))
        files.append({"path": path, "embedding": [float(x) for x in embedding],
                      "mel_frames": int(audio.wav_to_mel_spectrogram(wav).shape[0])})
    print(json.dumps({"files": files}))


if __name__ == "__main__":
    main()
