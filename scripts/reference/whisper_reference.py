"""Reference values from faster-whisper for MockPilot's Whisper tests and bench.

  python whisper_reference.py mel WAV [N_MELS]            -> {"n_mels", "frames", "values": [[...] per mel bin]}
  python whisper_reference.py encode MODEL_DIR < texts separated by NUL -> one JSON id list per text
  python whisper_reference.py transcribe MODEL_DIR WAV... [--prompt TEXT] [--compute-type T] [--threads N]
        [--language CODE]   (default: detected by a multilingual model, as faster-whisper does)
        -> one JSON line per file: {"wav", "seconds", "language", "language_probability",
           "segments": [{"text", "start", "end", "tokens", ...}]}

Run with the venv from scripts/venv.sh (reference faster-whisper==1.2.1). WAV files must be 16 kHz mono 16-bit, read here exactly
as the Swift tests read them (int16 / 32768).
"""
import json
import sys
import time
import wave

import numpy as np


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getframerate() == 16000 and w.getnchannels() == 1 and w.getsampwidth() == 2, path
        data = w.readframes(w.getnframes())
    return np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0


def mel(args):
    from faster_whisper.feature_extractor import FeatureExtractor
    n_mels = int(args[1]) if len(args) > 1 else 80
    fe = FeatureExtractor(feature_size=n_mels)
    feats = fe(read_wav(args[0]))[..., :-1]  # content frames, as transcribe() uses them
    print(json.dumps({"n_mels": n_mels, "frames": int(feats.shape[1]), "values": feats.astype(float).round(6).tolist()}))


def encode(args):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(args[0] + "/tokenizer.json")
    for text in sys.stdin.read().split("\x00"):
        print(json.dumps(tok.encode(text, add_special_tokens=False).ids))


def transcribe(args):
    from faster_whisper import WhisperModel
    prompt, compute_type, threads, vad, language, files = None, "float32", 2, False, None, []
    i = 1
    while i < len(args):
        if args[i] == "--prompt":
            prompt = args[i + 1]; i += 2
        elif args[i] == "--compute-type":
            compute_type = args[i + 1]; i += 2
        elif args[i] == "--threads":
            threads = int(args[i + 1]); i += 2
        elif args[i] == "--language":
            language = args[i + 1]; i += 2
        elif args[i] == "--vad":
            vad = True; i += 1
        else:
            files.append(args[i]); i += 1
    model = WhisperModel(args[0], device="cpu", compute_type=compute_type, cpu_threads=threads)
    for path in files:
        start = time.time()
        segments, info = model.transcribe(read_wav(path), beam_size=1, initial_prompt=prompt, vad_filter=vad,
                                          language=language)
        out = [{"text": s.text, "start": s.start, "end": s.end, "tokens": s.tokens,
                "avg_logprob": s.avg_logprob, "no_speech_prob": s.no_speech_prob} for s in segments]
        print(json.dumps({"wav": path, "seconds": time.time() - start, "language": info.language,
                          "language_probability": info.language_probability, "segments": out}), flush=True)


if __name__ == "__main__":
    {"mel": mel, "transcribe": transcribe, "encode": encode}[sys.argv[1]](sys.argv[2:])
