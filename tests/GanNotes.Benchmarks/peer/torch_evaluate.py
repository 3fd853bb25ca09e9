#!/usr/bin/python3
"""The PyTorch peer of `gan-notes evaluate` for one Fashion-MNIST checkpoint.

Scores the same samples (an .npy written by `gan-notes sample` with evaluate's seed) with the
same shipped classifier, the same test set and the same Parzen protocol, so the two programs
can be compared for speed and checked against each other for the numbers:

    /usr/bin/python3 torch_evaluate.py SAMPLES.npy DATA_DIR [threads=2]

DATA_DIR is the repository's data/ folder (fashion-mnist/ and classifiers/). Prints one line of
key=value scores, `test_stats_seconds=` for the test set's features and statistics (done once
per run, as evaluate does) and `seconds=` for scoring the samples; reading the files is not
timed.
"""

import gzip
import json
import math
import struct
import sys
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">i", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "i" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def read_safetensors(path):
    with open(path, "rb") as f:
        n, = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        body = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        tensors[name] = torch.from_numpy(np.frombuffer(body[start:end], dtype=np.float32).reshape(info["shape"]).copy())
    return tensors


def main():
    samples_path, data_dir = sys.argv[1], sys.argv[2]
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    torch.set_num_threads(threads)
    torch.set_grad_enabled(False)
    samples = torch.from_numpy(np.load(samples_path).astype(np.float32))
    train = torch.from_numpy(read_idx(f"{data_dir}/fashion-mnist/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    test = torch.from_numpy(read_idx(f"{data_dir}/fashion-mnist/t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    w = read_safetensors(f"{data_dir}/classifiers/fashion-mnist-mlp.safetensors")

    def features(x):
        h = torch.relu(x @ w["features.0.weight"].T + w["features.0.bias"])
        return torch.relu(h @ w["features.2.weight"].T + w["features.2.bias"])

    def stats(f):
        f = f.double()
        return f.mean(0), torch.cov(f.T)

    start = time.perf_counter()
    # The test set's statistics are computed once per evaluate run too (before the first checkpoint).
    mu_r, cov_r = stats(features(test))
    test_stats_seconds = time.perf_counter() - start

    start = time.perf_counter()
    f = features(samples)
    mu_g, cov_g = stats(f)
    vals, vecs = torch.linalg.eigh(cov_g)
    sqrt_g = vecs @ torch.diag(vals.clamp(min=0).sqrt()) @ vecs.T
    m = sqrt_g @ cov_r @ sqrt_g
    trace_sqrt = torch.linalg.eigvalsh((m + m.T) / 2).clamp(min=0).sqrt().sum()
    fd = float(((mu_g - mu_r) ** 2).sum() + cov_g.trace() + cov_r.trace() - 2 * trace_sqrt)

    p = torch.softmax(f @ w["head.weight"].T + w["head.bias"], dim=1).double()
    counts = torch.bincount(p.argmax(1), minlength=10).double()
    share = counts / len(p)
    entropy = float(-(share[share > 0] * share[share > 0].log2()).sum())
    covered = int((counts >= len(p) / 20).sum())
    marginal = p.mean(0)
    kl = (p * (p.clamp(min=1e-300).log() - marginal.log())).sum(1)
    score = float(kl.mean().exp())

    sigmas = [0.05 * 20 ** (i / 19) for i in range(20)]
    validation = train[-1000:]
    n, d = samples.shape

    def log_likelihoods(points, sigma_list):
        out = torch.empty(len(sigma_list), len(points), dtype=torch.float64)
        for first in range(0, len(points), 512):
            block = points[first:first + 512]
            dist = torch.cdist(block, samples).pow(2)
            for s, sigma in enumerate(sigma_list):
                out[s, first:first + 512] = (torch.logsumexp(-dist / (2 * sigma * sigma), dim=1).double()
                                             - math.log(n) - d / 2 * math.log(2 * math.pi * sigma * sigma))
        return out

    on_validation = log_likelihoods(validation, sigmas).mean(1)
    sigma = sigmas[int(on_validation.argmax())]
    on_test = log_likelihoods(test, [sigma])[0]
    parzen = float(on_test.mean())
    se = float(on_test.std() / math.sqrt(len(on_test)))
    seconds = time.perf_counter() - start
    print(f"frechet_distance={fd:.4f} classes_covered={covered} class_entropy_bits={entropy:.4f} "
          f"classifier_score={score:.4f} parzen={parzen:.3f} parzen_se={se:.3f} sigma={sigma:.4f} "
          f"test_stats_seconds={test_stats_seconds:.3f} seconds={seconds:.3f}")


if __name__ == "__main__":
    main()
