"""Why the espeak meetings are hard to tell apart by voice: for each meeting, Resemblyzer
0.1.4's d-vectors (the reference the Swift encoder matches to cosine 1.000000) of every line,
cut at its true start and end, and the mean cosine similarity within each speaker's lines and
between each pair of speakers. Two speakers whose "between" is as high as their "within"
cannot be parted by any threshold on this encoder. Run in the venv scripts/venv.sh makes
(the packages Tests/TestSupport/ReferencePython.swift names for `resemblyzer`).

Usage: speaker_pairs.py PRETRAINED_PT MEETING_JSON...   (the JSON beside each WAV, with "lines":
[{start, end, speaker}] and optionally "speakers": [{name, voice}])
"""
import itertools
import json
import os
import sys
import warnings
import wave

import numpy as np

warnings.filterwarnings("ignore")
from resemblyzer import VoiceEncoder, audio  # noqa: E402
from resemblyzer.hparams import audio_norm_target_dBFS  # noqa: E402


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: speaker_pairs.py PRETRAINED_PT MEETING_JSON...")
    encoder = VoiceEncoder("cpu", verbose=False, weights_fpath=sys.argv[1])
    for path in sys.argv[2:]:
        meeting = json.load(open(path))
        wav_path = os.path.join(os.path.dirname(path), meeting.get("wav", os.path.basename(path)[:-5] + ".wav"))
        with wave.open(wav_path, "rb") as w:
            samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
        voices = {s["name"]: s.get("voice", s["name"]) for s in meeting.get("speakers", []) if isinstance(s, dict)}
        embeddings, speakers = [], []
        for line in meeting["lines"]:
            cut = samples[int(line["start"] * 16000):int(line["end"] * 16000)]
            cut = audio.normalize_volume(cut, audio_norm_target_dBFS, increase_only=True)
            embeddings.append(encoder.embed_utterance(cut))
            speakers.append(line["speaker"])
        e, s = np.array(embeddings), np.array(speakers)
        similarity = e @ e.T
        names = sorted(set(speakers))

        def mean(a, b):
            block = similarity[np.ix_(s == a, s == b)]
            if a == b:
                block = block[~np.eye(len(block), dtype=bool)]
            return float(block.mean()) if block.size else float("nan")

        print(f"{os.path.basename(path)[:-5]}: within " + ", ".join(
            f"{voices.get(n, n)} {mean(n, n):.2f}" for n in names))
        for a, b in sorted(itertools.combinations(names, 2), key=lambda p: -mean(*p)):
            closest = min(mean(a, a), mean(b, b))
            verdict = "  as alike as one voice" if mean(a, b) >= closest - 0.02 else ""
            print(f"  between {voices.get(a, a)} and {voices.get(b, b)}: {mean(a, b):.2f}{verdict}")


if __name__ == "__main__":
    main()
