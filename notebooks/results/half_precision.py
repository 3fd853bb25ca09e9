#!/usr/bin/env python3
"""Rewrites a safetensors file with its float32 values in float16 (PyTorch's torch.float16, "F16").

Usage: half_precision.py IN OUT

The shipped generators are stored this way: half the bytes, and `Module.Load` widens F16 back to
float32 exactly, so what changes is only the rounding of each stored value (about 3 significant
digits: a relative error of at most 2^-11). Counters (BatchNorm's `num_batches_tracked`, which
float16 cannot hold above 65,504) and tensors of other dtypes keep their dtype. A value that does
not fit float16 (beyond +-65,504) stops the script with its name; nothing is written then.
Standard library only; IN and OUT may be the same file.
"""
import math
import os
import struct
import sys

import safetensors_file

F16_MAX = 65504.0
KEPT = ("num_batches_tracked",)


def main(source, out):
    size = os.path.getsize(source)
    header, data = safetensors_file.read(source)
    entries = sorted(((k, v) for k, v in header.items() if k != "__metadata__"), key=lambda kv: kv[1]["data_offsets"][0])
    tensors = []
    for name, info in entries:
        begin, end = info["data_offsets"]
        chunk, dtype = data[begin:end], info["dtype"]
        if dtype == "F32" and not name.endswith(KEPT):
            values = struct.unpack(f"<{len(chunk) // 4}f", chunk)
            too_big = [v for v in values if math.isfinite(v) and abs(v) > F16_MAX]
            if too_big:
                sys.exit(f"{source}: '{name}' holds {too_big[0]!r}, beyond float16's range (+-65504); nothing written")
            chunk, dtype = struct.pack(f"<{len(values)}e", *values), "F16"  # rounds to nearest, ties to even
        tensors.append((name, dtype, info["shape"], chunk))
    safetensors_file.write(out, tensors, header.get("__metadata__"))
    print(f"{out}: {size} -> {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
