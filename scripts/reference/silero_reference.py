"""Silero VAD v6 reference probabilities for the Swift parity test (Tests/CaptureTests).

Usage: silero_reference.py MODEL_DIR ONNX_WEIGHTS_OUT WAV...

MODEL_DIR holds what `make models` installs: silero_vad_16k.safetensors (the weights MockPilot
runs) and silero_vad_16k_op15.onnx (Silero's 16 kHz ONNX export). The two are different
checkpoints of the same graph, so each gets its own reference:

- "onnx": onnxruntime runs the ONNX file, streaming 512-sample chunks with 64 samples of
  context and the (2, 1, 128) state carried over, exactly as silero_vad.utils_vad.OnnxWrapper
  does. The ONNX file's own weights are written to ONNX_WEIGHTS_OUT as safetensors under the
  wheel's tensor names, so the Swift code can run them and be compared with onnxruntime.
- "wheel": the same graph (silero_vad/tinygrad_model.py's, checked here against onnxruntime
  with the ONNX weights) in numpy, on the wheel's safetensors.

Prints one JSON object: {"files": [{"path", "onnx": [p...], "wheel": [p...]}], "graph_max_diff"}.
Needs numpy and onnxruntime (the reference venv has both through faster-whisper).
"""
import json
import struct
import sys
import wave

import numpy as np
import onnxruntime

CHUNK, CONTEXT = 512, 64
ONNX_NAMES = {
    "model.stft.forward_basis_buffer": "stft_conv.weight",
    "model.decoder.rnn.weight_ih": "lstm_cell.weight_ih",
    "model.decoder.rnn.weight_hh": "lstm_cell.weight_hh",
    "model.decoder.rnn.bias_ih": "lstm_cell.bias_ih",
    "model.decoder.rnn.bias_hh": "lstm_cell.bias_hh",
    "model.decoder.decoder.2.weight": "final_conv.weight",
    "model.decoder.decoder.2.bias": "final_conv.bias",
    **{f"model.encoder.{i}.reparam_conv.{k}": f"conv{i + 1}.{k}" for i in range(4) for k in ("weight", "bias")},
}


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        raw = f.read()
    return {k: np.frombuffer(raw[v["data_offsets"][0]:v["data_offsets"][1]], dtype=np.float32).reshape(v["shape"])
            for k, v in header.items() if k != "__metadata__"}


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        data = np.ascontiguousarray(array, dtype=np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def protobuf_fields(buf):
    """(field number, wire type, value) of one protobuf message; enough to read ONNX initializers."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 2:
            n, i = varint(buf, i)
            value, i = buf[i:i + n], i + n
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"protobuf wire type {wire}")
        yield field, wire, value


def varint(buf, i):
    result, shift = 0, 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def onnx_weights(path):
    """ModelProto.graph (7) -> GraphProto.initializer (5) -> TensorProto dims (1), name (8), raw_data (9)."""
    model = open(path, "rb").read()
    graph = next(v for f, w, v in protobuf_fields(model) if f == 7)
    weights = {}
    for f, w, tensor in protobuf_fields(graph):
        if f != 5:
            continue
        dims, name, raw = [], None, None
        for tf, tw, tv in protobuf_fields(tensor):
            if tf == 1 and tw == 0:
                dims.append(tv)
            elif tf == 1 and tw == 2:
                j = 0
                while j < len(tv):
                    d, j = varint(tv, j)
                    dims.append(d)
            elif tf == 8:
                name = tv.decode()
            elif tf == 9:
                raw = tv
        if name in ONNX_NAMES and raw is not None:
            weights[ONNX_NAMES[name]] = np.frombuffer(raw, dtype=np.float32).reshape(dims)
    missing = set(ONNX_NAMES.values()) - set(weights)
    if missing:
        raise SystemExit(f"error: {path} lacks {sorted(missing)}")
    return weights


def conv(x, w, b, stride, pad):
    """x [in, time], w [out, in, k] -> [out, out_time]."""
    xp = np.pad(x, ((0, 0), (pad, pad)))
    k = w.shape[2]
    steps = (x.shape[1] + 2 * pad - k) // stride + 1
    out = np.stack([np.einsum("ock,ck->o", w, xp[:, t * stride:t * stride + k]) for t in range(steps)], axis=1)
    return out if b is None else out + b[:, None]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def graph_step(W, window, h, c):
    """One chunk through tinygrad_model.py's graph: window is 576 samples (context + chunk)."""
    x = np.pad(window, (0, CONTEXT), mode="reflect")[None]
    s = conv(x, W["stft_conv.weight"], None, 128, 0)
    y = np.sqrt(s[:129] ** 2 + s[129:] ** 2)
    for n, stride in ((1, 1), (2, 2), (3, 2), (4, 1)):
        y = np.maximum(conv(y, W[f"conv{n}.weight"], W[f"conv{n}.bias"], stride, 1), 0)
    g = W["lstm_cell.weight_ih"] @ y[:, 0] + W["lstm_cell.bias_ih"] + W["lstm_cell.weight_hh"] @ h + W["lstm_cell.bias_hh"]
    i, f, gg, o = np.split(g, 4)
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(gg)
    h = sigmoid(o) * np.tanh(c)
    p = sigmoid(W["final_conv.weight"][0, :, 0] @ np.maximum(h, 0) + W["final_conv.bias"][0])
    return float(p), h, c


def windows(path):
    with wave.open(path) as w:
        if w.getframerate() != 16000 or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise SystemExit(f"error: {path}: need 16 kHz mono 16-bit WAV")
        audio = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
    context = np.zeros(CONTEXT, dtype=np.float32)
    for k in range(0, len(audio) - CHUNK + 1, CHUNK):
        window = np.concatenate([context, audio[k:k + CHUNK]])
        context = window[-CONTEXT:]
        yield window


def main():
    if len(sys.argv) < 4:
        raise SystemExit("usage: silero_reference.py MODEL_DIR ONNX_WEIGHTS_OUT WAV...")
    model_dir, weights_out, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    onnx_path = model_dir + "/silero_vad_16k_op15.onnx"
    wheel = read_safetensors(model_dir + "/silero_vad_16k.safetensors")
    exported = onnx_weights(onnx_path)
    write_safetensors(weights_out, exported)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(onnx_path, sess_options=options, providers=["CPUExecutionProvider"])
    files, graph_diff = [], 0.0
    for path in paths:
        state = np.zeros((2, 1, 128), dtype=np.float32)
        zeros = np.zeros(128, dtype=np.float32)
        numpy_onnx, numpy_wheel = (zeros, zeros), (zeros, zeros)
        onnx_p, wheel_p = [], []
        for window in windows(path):
            out, state = session.run(None, {"input": window[None], "state": state, "sr": np.array(16000, dtype=np.int64)})
            onnx_p.append(float(out[0, 0]))
            p, *numpy_onnx = graph_step(exported, window, *numpy_onnx)
            graph_diff = max(graph_diff, abs(p - onnx_p[-1]))
            p, *numpy_wheel = graph_step(wheel, window, *numpy_wheel)
            wheel_p.append(p)
        files.append({"path": path, "onnx": onnx_p, "wheel": wheel_p})
    if graph_diff > 1e-3:
        raise SystemExit(f"error: the numpy graph differs from onnxruntime by {graph_diff}")
    json.dump({"files": files, "graph_max_diff": graph_diff}, sys.stdout)


if __name__ == "__main__":
    main()
