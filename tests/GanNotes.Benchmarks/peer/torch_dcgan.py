#!/usr/bin/python3
"""The PyTorch peer of GanNotes' DCGAN (GanNotes.Gan.Dcgan, `gan-notes train --recipe dcgan`).

The same networks (z 100, h 32: G 100 -> 64x7x7 -> 32x14x14 -> 1x28x28 with BatchNorm2d and
ReLU, Sigmoid out; D 28x28 -> 32x14x14 -> 64x7x7 -> 1 with LeakyReLU(0.2) and BatchNorm2d), the
same initialisation (conv weights N(0, 0.02), BatchNorm gamma N(1, 0.02), beta 0), the same
step (D on (BCE(D(x), 1) + BCE(D(G(z)), 0)) / 2 with G(z) not recorded, then G on the
non-saturating BCE(D(G(z)), 1)), Adam lr 2e-4, betas (0.5, 0.999), batch 128.

Usage:
    /usr/bin/python3 torch_dcgan.py step [steps=50] [threads=2] [batch=128] [data=data]
        times the training step; prints one line in the format of torch_reference_gan.py.
    /usr/bin/python3 torch_dcgan.py train EPOCHS SEED OUT.npy [threads=2] [data=data]
        trains on all 60,000 images (468 batches per epoch, reshuffled every epoch), then
        writes 10,000 samples of G (evaluation mode) as float32 [10000, 784] to OUT.npy, for
        torch_evaluate.py to score with evaluate's protocol.
data is the folder holding fashion-mnist/ (the repository's data/ by default).
"""
import gzip
import os
import struct
import sys
import time

import numpy as np
import torch
from torch import nn

Z_DIM, H, BATCH = 100, 32, 128


def generator():
    return nn.Sequential(
        nn.Unflatten(1, (Z_DIM, 1, 1)),
        nn.ConvTranspose2d(Z_DIM, 2 * H, 7, 1, 0, bias=False), nn.BatchNorm2d(2 * H), nn.ReLU(True),
        nn.ConvTranspose2d(2 * H, H, 4, 2, 1, bias=False), nn.BatchNorm2d(H), nn.ReLU(True),
        nn.ConvTranspose2d(H, 1, 4, 2, 1, bias=False), nn.Sigmoid(),
        nn.Flatten())


def discriminator():
    return nn.Sequential(
        nn.Unflatten(1, (1, 28, 28)),
        nn.Conv2d(1, H, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, True),
        nn.Conv2d(H, 2 * H, 4, 2, 1, bias=False), nn.BatchNorm2d(2 * H), nn.LeakyReLU(0.2, True),
        nn.Conv2d(2 * H, 1, 7, 1, 0, bias=False),
        nn.Flatten())


def weights_init(m):
    if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.normal_(m.weight, 0.0, 0.02)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.zeros_(m.bias)


def images(data_dir):
    path = os.path.join(data_dir, "fashion-mnist", "train-images-idx3-ubyte.gz")
    with gzip.open(path, "rb") as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        pixels = np.frombuffer(f.read(), dtype=np.uint8).reshape(n, rows * cols)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0)


class Gan:
    def __init__(self, seed):
        torch.manual_seed(seed)
        self.g, self.d = generator(), discriminator()
        self.g.apply(weights_init)
        self.d.apply(weights_init)
        self.og = torch.optim.Adam(self.g.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.od = torch.optim.Adam(self.d.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.bce = nn.BCEWithLogitsLoss()

    def step(self, real):
        m = real.shape[0]
        ones, zeros = torch.ones(m, 1), torch.zeros(m, 1)
        with torch.no_grad():
            fake = self.g(torch.randn(m, Z_DIM))
        self.od.zero_grad()
        ld = (self.bce(self.d(real), ones) + self.bce(self.d(fake), zeros)) / 2
        ld.backward()
        self.od.step()
        self.og.zero_grad()
        lg = self.bce(self.d(self.g(torch.randn(m, Z_DIM))), ones)
        lg.backward()
        self.og.step()
        return ld, lg


def time_steps(args):
    steps, threads, batch = (int(a) for a in (args[:3] + ["50", "2", "128"][len(args):]))
    data_dir = args[3] if len(args) > 3 else "data"
    torch.set_num_threads(threads)
    x = images(data_dir)
    gan = Gan(0)
    perm = torch.randperm(len(x))
    span = len(x) // batch * batch

    def run(i):
        j = (i * batch) % span
        return gan.step(x[perm[j:j + batch]])

    for i in range(10):  # warm-up
        run(i)
    t = time.perf_counter()
    for i in range(steps):
        ld, lg = run(i)
    s = time.perf_counter() - t
    print(f"torch {torch.__version__} dcgan threads={threads} batch={batch} steps={steps} seconds={s:.3f} "
          f"ms_per_step={1000 * s / steps:.2f} est_s_per_epoch={len(x) // batch * s / steps:.1f} "
          f"ld={ld.item():.3f} lg={lg.item():.3f}")


def train(args):
    epochs, seed, out = int(args[0]), int(args[1]), args[2]
    threads = int(args[3]) if len(args) > 3 else 2
    data_dir = args[4] if len(args) > 4 else "data"
    torch.set_num_threads(threads)
    x = images(data_dir)
    gan = Gan(seed)
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        t = time.perf_counter()
        perm = torch.randperm(len(x))
        for b in range(len(x) // BATCH):
            ld, lg = gan.step(x[perm[b * BATCH:(b + 1) * BATCH]])
        print(f"epoch={epoch} seconds={time.perf_counter() - t:.1f} ld={ld.item():.3f} lg={lg.item():.3f}", flush=True)
    gan.g.eval()
    with torch.no_grad():
        samples = gan.g(torch.randn(10000, Z_DIM)).numpy().astype(np.float32)
    tmp = out + ".tmp.npy"
    np.save(tmp, samples)
    os.replace(tmp, out)
    print(f"torch {torch.__version__} dcgan seed={seed} epochs={epochs} threads={threads} "
          f"train_seconds={time.perf_counter() - start:.1f} samples={out}")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("step", "train") or (sys.argv[1] == "train" and len(sys.argv) < 5):
        sys.exit(__doc__)
    (time_steps if sys.argv[1] == "step" else train)(sys.argv[2:])
