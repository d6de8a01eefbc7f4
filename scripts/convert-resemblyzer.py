"""Converts Resemblyzer's `pretrained.pt` (a legacy, non-zip torch pickle) into safetensors,
without torch, for the Swift d-vector encoder (Sources/Speaker).

Usage: convert-resemblyzer.py PRETRAINED_PT OUT_SAFETENSORS

The legacy format is five things one after the other: a pickled magic number, a pickled
protocol version, a pickled dict of system info, the main pickle (the checkpoint, whose
tensors name their storages through persistent ids), a pickled list of storage keys, and then
per key an int64 element count followed by the storage's raw little-endian data. Only the
float32 tensors of `model_state` are written, under their PyTorch names.
"""
import json
import pickle
import struct
import sys

MAGIC = 0x1950A86A20F9469CFC6C
PROTOCOL = 1001
ELEMENT_SIZES = {"FloatStorage": 4, "DoubleStorage": 8, "HalfStorage": 2, "LongStorage": 8,
                 "IntStorage": 4, "ShortStorage": 2, "CharStorage": 1, "ByteStorage": 1, "BoolStorage": 1}


class TensorRef:
    """A tensor as the pickle describes it: which storage, where in it, and its shape."""

    def __init__(self, storage, offset, size, stride):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)


class StorageRef:
    def __init__(self, kind, key, numel):
        self.kind, self.key, self.numel = kind, key, numel


class Opaque:
    """Anything else the checkpoint pickles (optimizer state classes): kept, never used."""

    def __init__(self, *args, **kwargs):
        pass

    def __setstate__(self, state):
        pass


class StateDict(dict):
    """An OrderedDict; torch also pickles a `_metadata` attribute on it, which needs a __dict__."""


def rebuild_tensor(storage, offset, size, stride, *rest):
    return TensorRef(storage, offset, size, stride)


class StorageType:
    def __init__(self, name):
        self.name = name


class CheckpointUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "torch._utils" and name in ("_rebuild_tensor", "_rebuild_tensor_v2"):
            return rebuild_tensor
        if module == "torch" and name.endswith("Storage"):
            return StorageType(name)
        if module == "collections" and name == "OrderedDict":
            return StateDict
        return Opaque

    def persistent_load(self, pid):
        # ('storage', storage_type, root_key, location, numel, view_metadata)
        if not isinstance(pid, tuple) or pid[0] != "storage":
            raise ValueError(f"unexpected persistent id {pid!r}")
        kind = pid[1].name if isinstance(pid[1], StorageType) else str(pid[1])
        return StorageRef(kind, pid[2], pid[4])


def load_legacy(path):
    with open(path, "rb") as f:
        if pickle.load(f) != MAGIC:
            raise ValueError(f"{path} is not a legacy torch file (wrong magic number)")
        if pickle.load(f) != PROTOCOL:
            raise ValueError(f"{path}: unsupported torch protocol")
        info = pickle.load(f)
        if not info.get("little_endian", True):
            raise ValueError(f"{path} was written big-endian")
        checkpoint = CheckpointUnpickler(f).load()
        keys = pickle.load(f)
        storages = {}
        sizes = element_sizes(checkpoint)
        for key in keys:
            (count,) = struct.unpack("<q", f.read(8))
            if key not in sizes:
                raise ValueError(f"{path}: storage {key} is used by no tensor")
            storages[key] = f.read(count * sizes[key])
            if len(storages[key]) != count * sizes[key]:
                raise ValueError(f"{path} ends inside storage {key}")
        return checkpoint, storages


def element_sizes(checkpoint):
    """Bytes per element of each storage, from the type the tensors using it recorded."""
    return {ref.storage.key: ELEMENT_SIZES[ref.storage.kind] for ref in walk(checkpoint) if isinstance(ref, TensorRef)}


def walk(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from walk(v)
    else:
        yield value


def float32_tensor(ref, storages):
    if ref.storage.kind != "FloatStorage":
        raise ValueError(f"tensor of {ref.storage.kind}, expected float32")
    numel = 1
    for s in ref.size:
        numel *= s
    # Contiguous row-major strides are the only layout a saved nn.Module state holds here.
    expected, step = [], 1
    for s in reversed(ref.size):
        expected.insert(0, step)
        step *= s
    if tuple(expected) != ref.stride:
        raise ValueError(f"non-contiguous tensor (size {ref.size}, stride {ref.stride})")
    raw = storages[ref.storage.key]
    return raw[ref.offset * 4:(ref.offset + numel) * 4]


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, (shape, data) in sorted(tensors.items()):
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"source": "resemblyzer 0.1.4 pretrained.pt"}
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert-resemblyzer.py PRETRAINED_PT OUT_SAFETENSORS")
    checkpoint, storages = load_legacy(sys.argv[1])
    state = checkpoint["model_state"]
    tensors = {name: (ref.size, float32_tensor(ref, storages))
               for name, ref in state.items() if isinstance(ref, TensorRef) and ref.storage.kind == "FloatStorage"}
    needed = [f"lstm.{k}_l{n}" for n in range(3) for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
    missing = [n for n in needed + ["linear.weight", "linear.bias"] if n not in tensors]
    if missing:
        sys.exit(f"convert-resemblyzer: {sys.argv[1]} lacks {', '.join(missing)}")
    write_safetensors(sys.argv[2], tensors)
    print(" ".join(f"{n}{list(s)}" for n, (s, _) in sorted(tensors.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
