"""Reads and writes safetensors files (a little-endian u64 header size, a JSON header, the tensors'
bytes): what half_precision.py and extract_generator.py share. Standard library only."""
import json
import os
import struct


def read(path):
    """The file's header (a dict) and its data bytes."""
    with open(path, "rb") as f:
        (header_size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_size))
        data = f.read()
    return header, data


def write(out, tensors, metadata=None):
    """Writes tensors, a list of (name, dtype, shape, bytes) in file order, to out through a
    temporary file (nothing half-written), with the metadata when given."""
    header, offset = {}, 0
    for name, dtype, shape, chunk in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(chunk)]}
        offset += len(chunk)
    if metadata is not None:
        header["__metadata__"] = metadata
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for *_, chunk in tensors:
            f.write(chunk)
    os.replace(tmp, out)
