#!/usr/bin/env python3
"""Writes G's tensors of a gan-notes checkpoint as a safetensors file of their own.

Usage: extract_generator.py CHECKPOINT OUT

A checkpoint (checkpoints/last.safetensors of a run) holds G, D, both optimizers' state and
the random generators' state; the course needs only G (its weights and BatchNorm statistics,
the keys "G.*"), which `MlpGan.BuildGenerator().Load(OUT)` reads. Standard library only.
"""
import sys

import safetensors_file


def main(checkpoint, out):
    header, data = safetensors_file.read(checkpoint)
    tensors = {k[2:]: v for k, v in header.items() if k.startswith("G.")}
    if not tensors:
        sys.exit(f"{checkpoint}: no G.* tensors; is it a gan-notes checkpoint?")
    safetensors_file.write(
        out,
        [(name, info["dtype"], info["shape"], data[info["data_offsets"][0]:info["data_offsets"][1]]) for name, info in tensors.items()],  # the checkpoint's order
        {"source": "generator of a gan-notes checkpoint", "step": header.get("__metadata__", {}).get("step", "")})


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
