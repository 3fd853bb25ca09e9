#!/usr/bin/python3
"""Generate the PyTorch safetensors fixture for the GanNotes C# serialization tests.

Purpose
-------
GanNotes saves and loads modules in the safetensors format
(https://github.com/huggingface/safetensors).  This script builds the PyTorch
twin of a small GanNotes model,

    nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 2))

with seeded weights, runs two training-mode forward passes so the BatchNorm
buffers (running_mean, running_var, num_batches_tracked) are non-trivial, and
writes

* ``tests/data/safetensors/torch_mlp.safetensors``: the ``state_dict``, as
  PyTorch stores it (float32 parameters and buffers, ``num_batches_tracked``
  as I64), with metadata ``{"format": "pt"}``;
* ``tests/data/safetensors/torch_mlp.json``: the same values as JSON, plus a
  fixed input ``x`` [2, 3] and the eval-mode output ``y = model(x)`` [2, 2].

The C# test loads the .safetensors file into the GanNotes Sequential and
compares its values and its eval output with the JSON sidecar.

No ``safetensors`` package
--------------------------
Debian's ``python3-torch`` (1.13) has no ``safetensors`` Python package, so
this script writes and reads the format with the minimal hand-written
``write_safetensors`` / ``read_safetensors`` below (``struct`` + ``json``),
following the specification: an 8-byte little-endian u64 header length N,
N bytes of UTF-8 JSON padded with spaces to a multiple of 8, then the
little-endian data with contiguous ``data_offsets``.  Like the reference
writer, tensors are laid out sorted by dtype (I64 before F32), then by name,
so the file order differs from the module's registration order.

Usage
-----
    /usr/bin/python3 tests/golden/make_safetensors_fixture.py
        (re)writes the fixture; output paths are relative to this script.

    /usr/bin/python3 tests/golden/make_safetensors_fixture.py --check FILE
        reads FILE (for example one written by GanNotes' ``module.Save``) with
        the minimal reader, loads it into the PyTorch model with
        ``load_state_dict(strict=True)`` and prints the eval output on the
        sidecar's ``x`` next to the sidecar's ``y``.

Determinism: ``torch.manual_seed(0)``, float32, ``torch.set_num_threads(1)``;
re-running on the same torch build gives byte-identical files.
"""

import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float32)

OUT_DIR = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "safetensors")
)
SAFETENSORS_PATH = os.path.join(OUT_DIR, "torch_mlp.safetensors")
SIDECAR_PATH = os.path.join(OUT_DIR, "torch_mlp.json")

# safetensors dtype name <-> (torch dtype, little-endian numpy dtype)
DTYPES = {
    "F32": (torch.float32, "<f4"),
    "F64": (torch.float64, "<f8"),
    "I64": (torch.int64, "<i8"),
    "I32": (torch.int32, "<i4"),
}
# The reference writer orders tensors by dtype, descending in its enum order, then by name.
DTYPE_RANK = {"I32": 9, "F32": 11, "F64": 12, "I64": 13}


def write_safetensors(path, tensors, metadata=None):
    """Minimal safetensors writer: `tensors` maps name -> torch tensor."""
    by_name = {}
    for name, t in tensors.items():
        dtype = next(k for k, (td, _) in DTYPES.items() if td == t.dtype)
        by_name[name] = (dtype, t.detach().contiguous())
    order = sorted(by_name, key=lambda n: (-DTYPE_RANK[by_name[n][0]], n))
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    blobs = []
    offset = 0
    for name in order:
        dtype, t = by_name[name]
        blob = t.numpy().astype(DTYPES[dtype][1]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    header_bytes = json.dumps(header, separators=(",", ":")).encode("utf-8")
    header_bytes += b" " * (-len(header_bytes) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(header_bytes)))
        f.write(header_bytes)
        for blob in blobs:
            f.write(blob)


def read_safetensors(path):
    """Minimal safetensors reader: returns (dict name -> torch tensor, metadata, header, header length)."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    assert 8 + n <= len(raw), "header length beyond file size"
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", None) or {}
    buffer = raw[8 + n:]
    tensors = {}
    expected = 0
    for name, info in sorted(header.items(), key=lambda kv: tuple(kv[1]["data_offsets"])):
        begin, end = info["data_offsets"]
        torch_dtype, np_dtype = DTYPES[info["dtype"]]
        assert begin == expected, "gap or overlap at %s" % name
        count = int(np.prod(info["shape"], dtype=np.int64))
        assert end - begin == count * np.dtype(np_dtype).itemsize, "size mismatch at %s" % name
        array = np.frombuffer(buffer[begin:end], dtype=np_dtype).reshape(info["shape"])
        tensors[name] = torch.from_numpy(array.copy()).to(torch_dtype)
        expected = end
    assert expected == len(buffer), "data does not fill the file"
    return tensors, metadata, header, n


def build_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 2))


def tensor_json(t):
    """Tensor -> {"dtype", "shape", "data": flat row-major values}; floats are exact float32 values."""
    dtype = next(k for k, (td, _) in DTYPES.items() if td == t.dtype)
    return {"dtype": dtype, "shape": list(t.shape), "data": t.detach().reshape(-1).double().tolist()}


def make_fixture():
    model = build_model()
    model.train()
    with torch.no_grad():
        for _ in range(2):
            model(torch.randn(8, 3) * 2.0 + 0.5)
    model.eval()
    x = torch.randn(2, 3)
    with torch.no_grad():
        y = model(x)
    state = model.state_dict()
    assert state["1.num_batches_tracked"].dtype == torch.int64
    assert int(state["1.num_batches_tracked"]) == 2

    os.makedirs(OUT_DIR, exist_ok=True)
    write_safetensors(SAFETENSORS_PATH, state, {"format": "pt"})
    doc = {
        "case": "torch_mlp",
        "torch_version": torch.__version__,
        "description": (
            "nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 2)) after "
            "torch.manual_seed(0) and two training-mode forward passes on randn(8, 3) * 2 + 0.5 "
            "(no optimizer step; only the BatchNorm buffers change). state_dict holds what "
            "torch_mlp.safetensors holds (num_batches_tracked is I64 there, listed as a number "
            "here); y is the eval-mode output on x."
        ),
        "state_dict": {k: tensor_json(v) for k, v in state.items()},
        "tensors": {"x": tensor_json(x), "y": tensor_json(y)},
    }
    with open(SIDECAR_PATH, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")

    # Self-check: the minimal reader gives back exactly what was written.
    tensors, metadata, _, n = read_safetensors(SAFETENSORS_PATH)
    assert metadata == {"format": "pt"} and n % 8 == 0
    assert list(tensors) != list(state), "expected the file order to differ from the module order"
    for k, v in state.items():
        assert tensors[k].dtype == v.dtype and torch.equal(tensors[k], v), k
    for path in (SAFETENSORS_PATH, SIDECAR_PATH):
        print("wrote %-45s %6d bytes" % (os.path.relpath(path, os.path.join(OUT_DIR, "..", "..", "..")), os.path.getsize(path)))


def check(path):
    tensors, metadata, header, n = read_safetensors(path)
    print("header length %d (multiple of 8: %s), metadata %s" % (n, n % 8 == 0, metadata))
    for name in sorted(header, key=lambda k: header[k]["data_offsets"]):
        print("  %-22s %-4s %-8s %s" % (name, header[name]["dtype"], header[name]["shape"], header[name]["data_offsets"]))
    model = build_model()
    model.load_state_dict(tensors, strict=True)
    model.eval()
    with open(SIDECAR_PATH) as f:
        sidecar = json.load(f)
    x = torch.tensor(sidecar["tensors"]["x"]["data"], dtype=torch.float32).reshape(sidecar["tensors"]["x"]["shape"])
    y_expected = torch.tensor(sidecar["tensors"]["y"]["data"], dtype=torch.float32).reshape(sidecar["tensors"]["y"]["shape"])
    with torch.no_grad():
        y = model(x)
    print("num_batches_tracked after load_state_dict:", model[1].num_batches_tracked)
    print("y from file:   ", y.tolist())
    print("y in sidecar:  ", y_expected.tolist())
    print("max |diff|:", float((y - y_expected).abs().max()))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
    elif len(sys.argv) == 1:
        make_fixture()
    else:
        sys.exit(__doc__)
