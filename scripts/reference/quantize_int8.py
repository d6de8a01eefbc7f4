"""Rewrites a CTranslate2 Whisper model.bin with int8 weights, as CTranslate2's own
`quantization="int8"` does: every 2-D "weight" gets a per-row float32 `weight_scale`
(127 / max|row|) and is rounded to int8; other float tensors become float32.
  python3 quantize_int8.py SRC_DIR DST_DIR      (copies config.json, vocabulary.txt, tokenizer.json)
Used by the tests to check that int8 models load; needs numpy only.
"""
import os
import shutil
import struct
import sys

import numpy as np

DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


def read(path):
    data = open(path, "rb").read()
    pos = 0

    def take(fmt):
        nonlocal pos
        v = struct.unpack_from(fmt, data, pos)
        pos += struct.calcsize(fmt)
        return v[0]

    def string():
        nonlocal pos
        n = take("H")
        s = data[pos:pos + n - 1].decode()
        pos += n
        return s

    version = take("I")
    spec = string()
    revision = take("I")
    variables = []
    for _ in range(take("I")):
        name = string()
        shape = [take("I") for _ in range(take("B"))]
        dtype = take("B")
        nbytes = take("I")
        value = np.frombuffer(data, dtype=DTYPES[dtype], count=nbytes // np.dtype(DTYPES[dtype]).itemsize, offset=pos)
        pos += nbytes
        variables.append((name, value.reshape(shape)))
    aliases = [(string(), string()) for _ in range(take("I"))]
    return version, spec, revision, variables, aliases


def write(path, version, spec, revision, variables, aliases):
    codes = {np.dtype(v): k for k, v in DTYPES.items()}
    with open(path, "wb") as f:
        def string(s):
            b = s.encode()
            f.write(struct.pack("H", len(b) + 1) + b + b"\0")
        f.write(struct.pack("I", version)); string(spec); f.write(struct.pack("I", revision))
        f.write(struct.pack("I", len(variables)))
        for name, value in variables:
            string(name)
            f.write(struct.pack("B", value.ndim))
            for d in value.shape:
                f.write(struct.pack("I", d))
            f.write(struct.pack("B", codes[value.dtype]))
            raw = np.ascontiguousarray(value).tobytes()
            f.write(struct.pack("I", len(raw)) + raw)
        f.write(struct.pack("I", len(aliases)))
        for a, t in aliases:
            string(a); string(t)


def main(src, dst):
    version, spec, revision, variables, aliases = read(os.path.join(src, "model.bin"))
    out = []
    for name, value in variables:
        if name.endswith("/weight") and value.ndim == 2:
            w = value.astype(np.float32)
            amax = np.abs(w).max(axis=1)
            amax[amax == 0] = 127.0
            scale = (127.0 / amax).astype(np.float32)
            out.append((name, np.rint(w * scale[:, None]).astype(np.int8)))
            out.append((name + "_scale", scale))
        elif value.dtype == np.float16:
            out.append((name, value.astype(np.float32)))
        else:
            out.append((name, value))
    os.makedirs(dst, exist_ok=True)
    write(os.path.join(dst, "model.bin"), version, spec, revision, sorted(out, key=lambda x: x[0]), aliases)
    for f in ("config.json", "vocabulary.txt", "tokenizer.json"):
        if os.path.exists(os.path.join(src, f)):
            shutil.copy(os.path.join(src, f), os.path.join(dst, f))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
