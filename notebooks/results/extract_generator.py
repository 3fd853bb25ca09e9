#!/usr/bin/env python3
"""Writes G's tensors of a gan-notes checkpoint as a safetensors file of their own.

Usage: extract_generator.py CHECKPOINT OUT

A checkpoint (checkpoints/last.safetensors of a run) holds G, D, both optimizers' state and
the random generators' state; the course needs only G (its weights and BatchNorm statistics,
the keys "G.*"), which `MlpGan.BuildGenerator().Load(OUT)` reads. Standard library only.
"""
import json
import os
import struct
import sys


def main(checkpoint, out):
    with open(checkpoint, "rb") as f:
        (header_size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_size))
        data = f.read()
    tensors = {k[2:]: v for k, v in header.items() if k.startswith("G.")}
    if not tensors:
        sys.exit(f"{checkpoint}: no G.* tensors; is it a gan-notes checkpoint?")
    new_header, chunks, offset = {}, [], 0
    for name, info in tensors.items():  # keeps the checkpoint's order
        begin, end = info["data_offsets"]
        chunk = data[begin:end]
        new_header[name] = {"dtype": info["dtype"], "shape": info["shape"], "data_offsets": [offset, offset + len(chunk)]}
        chunks.append(chunk)
        offset += len(chunk)
    new_header["__metadata__"] = {"source": "generator of a gan-notes checkpoint", "step": header.get("__metadata__", {}).get("step", "")}
    encoded = json.dumps(new_header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for chunk in chunks:
            f.write(chunk)
    os.replace(tmp, out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
