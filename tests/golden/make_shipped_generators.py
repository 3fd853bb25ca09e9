#!/usr/bin/python3
"""Samples of the course's shipped generators at float32, for the test of their float16 copies.

Purpose
-------
The generators shipped in ``notebooks/results/`` (``default-run``, ``seed004``, ``dcgan``) were
trained in float32 and are stored in float16 (``notebooks/results/half_precision.py``) so that the
repository stays small. This script builds each generator's PyTorch twin, loads the float32
weights into it and writes, for each, two noise vectors ``z`` and the eval-mode samples ``G(z)``
to ``tests/data/golden/shipped_generators.json``. The C# test loads the float16 files that are
shipped and checks that its samples for the same ``z`` stay within the tolerance it states.

The twins, in GanNotes' layer order (the state_dict names match GanNotes' own):

* ``MlpGan.BuildGenerator()``: four blocks Linear, BatchNorm1d, ReLU of widths 128, 256, 512,
  1024 from z of 64, then Linear to 784 and Sigmoid;
* ``Dcgan.BuildGenerator()``: z of 100 as a 1 x 1 map, ConvTranspose2d 7x7 to 64 x 7 x 7,
  BatchNorm2d, ReLU, ConvTranspose2d 4x4 stride 2 to 32 x 14 x 14, BatchNorm2d, ReLU,
  ConvTranspose2d 4x4 stride 2 to 1 x 28 x 28 (no biases), Sigmoid, flattened to 784.

Usage
-----
    /usr/bin/python3 tests/golden/make_shipped_generators.py [DIR]

DIR holds ``default-run/``, ``seed004/`` and ``dcgan/``, each with a float32
``generator.safetensors`` (default: ``notebooks/results``). The files were made from the float32
generators as trained, before their conversion to float16; to remake them, write those back
from the repository's history into a folder and pass it, e.g. for ``default-run``:
``git show 199e0e2:notebooks/results/default-run/generator.safetensors > DIR/default-run/generator.safetensors``.
A float16 file is refused: its samples would not be the float32 reference.

Determinism: ``torch.manual_seed`` per generator, float32, ``torch.set_num_threads(1)``.
"""

import json
import os
import struct
import sys

import torch
import torch.nn as nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float32)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "data", "golden", "shipped_generators.json"))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "notebooks", "results"))
SAMPLES = 2


def read_float32_safetensors(path):
    """name -> float32 tensor; exits with one line if a tensor is not F32."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            sys.exit(f"{path}: '{name}' is {info['dtype']}, not F32; the reference needs the float32 generator")
        begin, end = info["data_offsets"]
        values = struct.unpack(f"<{(end - begin) // 4}f", data[begin:end])
        tensors[name] = torch.tensor(values, dtype=torch.float32).reshape(info["shape"])
    return tensors


def mlp_generator():
    widths = [64, 128, 256, 512, 1024]
    blocks = [nn.Sequential(nn.Linear(a, b), nn.BatchNorm1d(b), nn.ReLU()) for a, b in zip(widths, widths[1:])]
    return nn.Sequential(*blocks, nn.Linear(1024, 784), nn.Sigmoid()), 64


def dcgan_generator():
    return nn.Sequential(
        nn.Unflatten(1, (100, 1, 1)),
        nn.ConvTranspose2d(100, 64, 7, 1, 0, bias=False),
        nn.BatchNorm2d(64),
        nn.ReLU(),
        nn.ConvTranspose2d(64, 32, 4, 2, 1, bias=False),
        nn.BatchNorm2d(32),
        nn.ReLU(),
        nn.ConvTranspose2d(32, 1, 4, 2, 1, bias=False),
        nn.Sigmoid(),
        nn.Flatten(),
    ), 100


def samples_of(path, build, seed):
    g, z_dim = build()
    state = read_float32_safetensors(path)
    # GanNotes stores num_batches_tracked as a float; PyTorch keeps it as int64.
    own = g.state_dict()
    g.load_state_dict({k: v.to(own[k].dtype) for k, v in state.items()}, strict=True)
    g.eval()
    torch.manual_seed(seed)
    z = torch.randn(SAMPLES, z_dim)
    with torch.no_grad():
        x = g(z)
    return z, x


def main(folder):
    generators = [("default-run", mlp_generator, 1), ("seed004", mlp_generator, 2), ("dcgan", dcgan_generator, 3)]
    tensors = {}
    for name, build, seed in generators:
        z, x = samples_of(os.path.join(folder, name, "generator.safetensors"), build, seed)
        tensors[f"{name}.z"] = z
        tensors[f"{name}.x"] = x
    doc = {
        "case": "shipped_generators",
        "torch_version": torch.__version__,
        "description": "for default-run, seed004 and dcgan: z ~ N(0, I) [2, z_dim] (torch.manual_seed 1, 2, 3) "
                       "and the float32 generator's eval-mode samples x = G(z) [2, 784], before the generators "
                       "were stored in float16",
        "tensors": {k: {"shape": list(v.shape), "data": v.reshape(-1).double().tolist()} for k, v in tensors.items()},
        "scalars": {},
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    if len(sys.argv) > 2:
        sys.exit(__doc__)
    main(sys.argv[1] if len(sys.argv) == 2 else DEFAULT_DIR)
