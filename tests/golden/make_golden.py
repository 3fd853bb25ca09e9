#!/usr/bin/python3
"""Generate PyTorch golden values for the GanNotes C# tests.

Purpose
-------
GanNotes re-implements (in C#) the small set of neural-network pieces a GAN
course needs: Linear, BatchNorm1d, ReLU/LeakyReLU, Sigmoid, the BCE / MSE /
cross-entropy losses and the SGD / Adam optimizers, the DCGAN's layers
(Conv2d, ConvTranspose2d, BatchNorm2d, Flatten/Unflatten), and the sample-quality
measures of ``GanNotes.Evaluation`` (Frechet distance, Parzen window,
symmetric eigen-decomposition).  This script runs the same
computations in PyTorch and writes the inputs, parameters, outputs and
gradients to JSON files, one per case, in ``tests/data/golden/`` so the C#
tests can compare against them.

Usage
-----
    /usr/bin/python3 tests/golden/make_golden.py [case ...]

(from any directory; the output path is computed relative to this script).
Without arguments every case is written; with case names (e.g.
``frechet_distance``) only those.
Written with PyTorch 1.13 (Debian ``python3-torch``, CPU build, reported as
``1.13.0a0``); the exact version is recorded in every file.

Determinism: every case calls ``torch.manual_seed`` with its own seed, all
tensors are float32 (the evaluation cases compute in float64 from float32
inputs) and ``torch.set_num_threads(1)`` is set, so re-running gives
byte-identical files on the same torch build and CPU.

JSON format (one file per case)::

    { "case": "mlp_bce", "torch_version": "1.13.0a0", "description": "...",
      "tensors": { "x": {"shape": [8, 5], "data": [...flat row-major...]}, ... },
      "scalars": { "lr": 0.01, ... } }

Floats are the exact float32 values, widened to double; Python's ``repr``
round-trips them, so parsing as double and narrowing to float is lossless.
0-d tensors have shape ``[]`` and a one-element ``data`` list.

Cases whose reference result is computed in float64 (the evaluation measures)
also store a ``"float64"`` object of the same form; its values are exact
doubles, to be parsed as double and kept as double.
"""

import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_default_dtype(torch.float32)

OUT_DIR = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "golden")
)


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def tensor_json(t):
    """Tensor -> {"shape": [...], "data": [flat row-major exact float32 values]}."""
    t = t.detach().to(torch.float32).contiguous()
    return {"shape": list(t.shape), "data": t.reshape(-1).double().tolist()}


def tensor64_json(t):
    """float64 tensor -> {"shape": [...], "data": [flat row-major exact doubles]}."""
    t = t.detach().contiguous()
    return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}


def write_case(case, description, tensors, scalars=None, float64=None):
    """Write one golden file. `tensors` maps name -> float32 tensor, `float64` name -> float64
    tensor (insertion order kept); the "float64" key is written only when given."""
    for name, t in tensors.items():
        assert t.dtype == torch.float32, (case, name, t.dtype)
        assert torch.isfinite(t).all(), (case, name)
    for name, t in (float64 or {}).items():
        assert t.dtype == torch.float64, (case, name, t.dtype)
        assert torch.isfinite(t).all(), (case, name)
    doc = {
        "case": case,
        "torch_version": torch.__version__,
        "description": description,
        "tensors": {k: tensor_json(v) for k, v in tensors.items()},
        "scalars": {k: float(v) for k, v in (scalars or {}).items()},
    }
    if float64:
        doc["float64"] = {k: tensor64_json(v) for k, v in float64.items()}
    path = os.path.join(OUT_DIR, case + ".json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote %-40s %6d bytes" % (os.path.relpath(path, os.path.join(OUT_DIR, "..", "..", "..")), os.path.getsize(path)))


def grad_of(t):
    """A leaf's gradient, cloned (zeros if it was never reached)."""
    return t.grad.detach().clone() if t.grad is not None else torch.zeros_like(t)


# --------------------------------------------------------------------------
# 1. mlp_bce: Linear -> BatchNorm1d -> ReLU -> Linear -> Sigmoid -> BCELoss
# --------------------------------------------------------------------------

def case_mlp_bce():
    torch.manual_seed(1)
    model = nn.Sequential(
        nn.Linear(5, 7),       # 0
        nn.BatchNorm1d(7),     # 1  (momentum 0.1, eps 1e-5)
        nn.ReLU(),             # 2
        nn.Linear(7, 1),       # 3
        nn.Sigmoid(),          # 4
    )
    # Non-trivial BatchNorm affine parameters so their effect is tested.
    with torch.no_grad():
        model[1].weight.copy_(1 + 0.1 * torch.randn(7))
        model[1].bias.copy_(0.1 * torch.randn(7))
    model.train()

    x = torch.randn(8, 5, requires_grad=True)
    target = torch.randint(0, 2, (8, 1)).float()

    params = ["0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias"]
    sd = model.state_dict()
    initial = {name: sd[name].detach().clone() for name in params}

    prob = model(x)
    loss = nn.BCELoss(reduction="mean")(prob, target)
    loss.backward()

    named = dict(model.named_parameters())
    tensors = {"x": x, "target": target}
    tensors.update(initial)
    tensors["prob"] = prob
    tensors["loss"] = loss
    tensors["grad.x"] = grad_of(x)
    for name in params:
        tensors["grad." + name] = grad_of(named[name])
    tensors["1.running_mean"] = model[1].running_mean.clone()
    tensors["1.running_var"] = model[1].running_var.clone()

    write_case(
        "mlp_bce",
        "Sequential(Linear(5,7), BatchNorm1d(7), ReLU, Linear(7,1), Sigmoid) in "
        "training mode, BCELoss(mean). Parameters are the initial values under "
        "state_dict names; grad.* are gradients of the loss; 1.running_mean/var "
        "are the BatchNorm buffers after the single forward (started at 0/1; the "
        "running variance uses the unbiased batch variance).",
        tensors,
        {"bn_momentum": 0.1, "bn_eps": 1e-5},
    )


# --------------------------------------------------------------------------
# 2. leaky_relu
# --------------------------------------------------------------------------

def case_leaky_relu():
    torch.manual_seed(2)
    slope = 0.2
    x = torch.randn(4, 6)
    # Keep every input away from the kink at 0 (derivative is ambiguous there).
    small = x.abs() < 1e-3
    x[small] = torch.where(x[small] < 0, torch.tensor(-0.5), torch.tensor(0.5))
    assert (x.abs() >= 1e-3).all()
    x.requires_grad_(True)
    grad_out = torch.randn(4, 6)

    y = F.leaky_relu(x, negative_slope=slope)
    y.backward(grad_out)

    write_case(
        "leaky_relu",
        "y = leaky_relu(x, negative_slope); grad.x = dL/dx for upstream grad_out.",
        {"x": x, "grad_out": grad_out, "y": y, "grad.x": grad_of(x)},
        {"negative_slope": slope},
    )


# --------------------------------------------------------------------------
# 3. bce_logits_extreme: BCEWithLogitsLoss on very large |logits|
# --------------------------------------------------------------------------

def case_bce_logits_extreme():
    torch.manual_seed(3)
    row = torch.tensor([-1000.0, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1000.0])
    logits_data = row.repeat(4, 1)                       # [4,9], every row the same
    target = torch.stack([
        torch.zeros(9),                                  # all 0
        torch.ones(9),                                   # all 1
        torch.tensor([float(i % 2) for i in range(9)]),  # 0,1,0,1,...
        torch.full((9,), 0.3),                           # soft targets
    ])

    logits_mean = logits_data.clone().requires_grad_(True)
    loss_mean = nn.BCEWithLogitsLoss(reduction="mean")(logits_mean, target)
    loss_mean.backward()

    logits_sum = logits_data.clone().requires_grad_(True)
    loss_sum = nn.BCEWithLogitsLoss(reduction="sum")(logits_sum, target)
    loss_sum.backward()

    write_case(
        "bce_logits_extreme",
        "BCEWithLogitsLoss with extreme logits (each row is the same 9 values); "
        "target rows: all 0, all 1, alternating 0/1, all 0.3. loss_mean/loss_sum "
        "for reduction mean/sum, grad_mean.logits / grad_sum.logits their "
        "gradients w.r.t. logits (sigmoid(z)-t, /36 for the mean).",
        {
            "logits": logits_data,
            "target": target,
            "loss_mean": loss_mean,
            "loss_sum": loss_sum,
            "grad_mean.logits": grad_of(logits_mean),
            "grad_sum.logits": grad_of(logits_sum),
        },
    )


# --------------------------------------------------------------------------
# 4. bce_probs: BCELoss on probabilities, including exact 0 and 1
# --------------------------------------------------------------------------

def case_bce_probs():
    torch.manual_seed(4)
    p = torch.tensor([[0.0, 1e-12, 0.3, 0.999999, 1.0],
                      [1.0, 0.5, 0.5, 1e-3, 0.0]])
    target = torch.tensor([[0.0, 0.0, 1.0, 1.0, 1.0],
                           [0.0, 1.0, 0.0, 1.0, 1.0]])
    # PyTorch clamps each log term at -100, so p=0 with target 1 costs 100.
    loss_mean = nn.BCELoss(reduction="mean")(p, target)
    loss_sum = nn.BCELoss(reduction="sum")(p, target)

    # Gradients only for probabilities strictly inside (0,1).
    p_interior = (0.05 + 0.9 * torch.rand(2, 5)).requires_grad_(True)
    loss_mean_interior = nn.BCELoss(reduction="mean")(p_interior, target)
    loss_mean_interior.backward()

    write_case(
        "bce_probs",
        "BCELoss on probabilities p including exact 0 and 1 (each log term is "
        "clamped at -100): loss_mean, loss_sum. p_interior (uniform in "
        "[0.05,0.95]) with the same target: loss_mean_interior and its gradient "
        "grad_mean.p_interior.",
        {
            "p": p,
            "target": target,
            "loss_mean": loss_mean,
            "loss_sum": loss_sum,
            "p_interior": p_interior,
            "loss_mean_interior": loss_mean_interior,
            "grad_mean.p_interior": grad_of(p_interior),
        },
    )


# --------------------------------------------------------------------------
# 5. mse_ce: MSELoss, CrossEntropyLoss, log_softmax, softmax
# --------------------------------------------------------------------------

def case_mse_ce():
    torch.manual_seed(5)
    a = torch.randn(3, 4, requires_grad=True)
    b = torch.randn(3, 4)
    mse_mean = nn.MSELoss(reduction="mean")(a, b)
    mse_sum = nn.MSELoss(reduction="sum")(a.detach(), b)
    mse_mean.backward()

    ce_logits = torch.randn(5, 4, requires_grad=True)
    ce_target_long = torch.randint(0, 4, (5,))
    ce_mean = nn.CrossEntropyLoss(reduction="mean")(ce_logits, ce_target_long)
    ce_sum = nn.CrossEntropyLoss(reduction="sum")(ce_logits.detach(), ce_target_long)
    ce_mean.backward()

    with torch.no_grad():
        log_softmax_dim1 = F.log_softmax(ce_logits, dim=1)
        softmax_dim0 = F.softmax(ce_logits, dim=0)

    write_case(
        "mse_ce",
        "MSELoss(a,b) mean/sum and d(mse_mean)/da; CrossEntropyLoss(ce_logits, "
        "ce_target) mean/sum and d(ce_mean)/d(ce_logits) (ce_target holds class "
        "indices 0..3 stored as floats); log_softmax(ce_logits, dim=1) and "
        "softmax(ce_logits, dim=0).",
        {
            "a": a,
            "b": b,
            "mse_mean": mse_mean,
            "mse_sum": mse_sum,
            "grad_mse_mean.a": grad_of(a),
            "ce_logits": ce_logits,
            "ce_target": ce_target_long.float(),
            "ce_mean": ce_mean,
            "ce_sum": ce_sum,
            "grad_ce_mean.ce_logits": grad_of(ce_logits),
            "log_softmax_dim1": log_softmax_dim1,
            "softmax_dim0": softmax_dim0,
        },
    )


# --------------------------------------------------------------------------
# 6. batchnorm_eval: running statistics, then eval-mode forward/backward
# --------------------------------------------------------------------------

def case_batchnorm_eval():
    torch.manual_seed(6)
    momentum, eps = 0.1, 1e-5
    bn = nn.BatchNorm1d(4, momentum=momentum, eps=eps)
    with torch.no_grad():
        bn.weight.copy_(1 + 0.1 * torch.randn(4))
        bn.bias.copy_(0.1 * torch.randn(4))
    weight0 = bn.weight.detach().clone()
    bias0 = bn.bias.detach().clone()

    batches = [torch.randn(6, 4) * 2 + 1 for _ in range(3)]
    bn.train()
    with torch.no_grad():
        for batch in batches:
            bn(batch)
    running_mean = bn.running_mean.clone()
    running_var = bn.running_var.clone()

    bn.eval()
    x_eval = torch.randn(5, 4, requires_grad=True)
    grad_out = torch.randn(5, 4)
    y_eval = bn(x_eval)
    y_eval.backward(grad_out)

    write_case(
        "batchnorm_eval",
        "BatchNorm1d(4, momentum=0.1, eps=1e-5) with affine weight/bias; three "
        "train-mode forwards (batch0..2) update running_mean/running_var (from "
        "0/1, unbiased batch variance); then an eval-mode forward of x_eval gives "
        "y_eval, and backward of upstream grad_out gives grad.x_eval, grad.weight, "
        "grad.bias (eval mode: normalisation uses the running statistics).",
        {
            "weight": weight0,
            "bias": bias0,
            "batch0": batches[0],
            "batch1": batches[1],
            "batch2": batches[2],
            "running_mean": running_mean,
            "running_var": running_var,
            "x_eval": x_eval,
            "y_eval": y_eval,
            "grad_out": grad_out,
            "grad.x_eval": grad_of(x_eval),
            "grad.weight": grad_of(bn.weight),
            "grad.bias": grad_of(bn.bias),
        },
        {"momentum": momentum, "eps": eps},
    )


# --------------------------------------------------------------------------
# 7/8. optimizers: three steps with fixed gradients
# --------------------------------------------------------------------------

def run_optimizer(make_opt, p0, grads):
    """Apply make_opt([p]) for len(grads) steps with p.grad = g_i; return params after each."""
    p = nn.Parameter(p0.clone())
    opt = make_opt([p])
    out = []
    for g in grads:
        opt.zero_grad()
        p.grad = g.clone()
        opt.step()
        out.append(p.detach().clone())
    return out


def case_adam():
    torch.manual_seed(7)
    p0 = torch.randn(3, 4)
    grads = [torch.randn(3, 4) for _ in range(3)]
    configs = {
        "adam": dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0),
        "adam_wd": dict(lr=0.001, betas=(0.5, 0.99), eps=1e-6, weight_decay=0.1),
    }
    tensors = {"p0": p0, "g0": grads[0], "g1": grads[1], "g2": grads[2]}
    scalars = {}
    for name, cfg in configs.items():
        steps = run_optimizer(lambda ps: torch.optim.Adam(ps, **cfg), p0, grads)
        for i, p in enumerate(steps, start=1):
            tensors["%s.p%d" % (name, i)] = p
        scalars[name + ".lr"] = cfg["lr"]
        scalars[name + ".beta1"] = cfg["betas"][0]
        scalars[name + ".beta2"] = cfg["betas"][1]
        scalars[name + ".eps"] = cfg["eps"]
        scalars[name + ".weight_decay"] = cfg["weight_decay"]

    write_case(
        "adam",
        "torch.optim.Adam (amsgrad=False) on one parameter starting at p0; step i "
        "uses p.grad = g(i-1). <config>.p1..p3 are the parameters after each step. "
        "weight_decay is classic L2 (grad += wd*p before the moments), not AdamW; "
        "bias correction as in PyTorch: p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps).",
        tensors,
        scalars,
    )


def case_sgd():
    torch.manual_seed(8)
    p0 = torch.randn(3, 4)
    grads = [torch.randn(3, 4) for _ in range(3)]
    configs = {
        "sgd_momentum": dict(lr=0.1, momentum=0.9, dampening=0.1, nesterov=False, weight_decay=0.01),
        "sgd_nesterov": dict(lr=0.05, momentum=0.9, dampening=0.0, nesterov=True, weight_decay=0.0),
        "sgd_plain": dict(lr=0.1, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0),
    }
    tensors = {"p0": p0, "g0": grads[0], "g1": grads[1], "g2": grads[2]}
    scalars = {}
    for name, cfg in configs.items():
        steps = run_optimizer(lambda ps: torch.optim.SGD(ps, **cfg), p0, grads)
        for i, p in enumerate(steps, start=1):
            tensors["%s.p%d" % (name, i)] = p
        scalars[name + ".lr"] = cfg["lr"]
        scalars[name + ".momentum"] = cfg["momentum"]
        scalars[name + ".dampening"] = cfg["dampening"]
        scalars[name + ".nesterov"] = 1.0 if cfg["nesterov"] else 0.0
        scalars[name + ".weight_decay"] = cfg["weight_decay"]

    write_case(
        "sgd",
        "torch.optim.SGD on one parameter starting at p0; step i uses p.grad = "
        "g(i-1). <config>.p1..p3 are the parameters after each step. PyTorch rule: "
        "d = g + wd*p; first step buf = d (no dampening), later buf = m*buf + "
        "(1-dampening)*d; nesterov: d = d + m*buf, else d = buf; p -= lr*d.",
        tensors,
        scalars,
    )


# --------------------------------------------------------------------------
# 9-11. evaluation measures, computed in float64
# --------------------------------------------------------------------------

def covariance64(x):
    """NumPy's cov of the rows of x (float64): (1/(n-1)) sum_i (x_i - mu)(x_i - mu)^T."""
    centred = x - x.mean(dim=0)
    return centred.T @ centred / (x.shape[0] - 1)


def trace_sqrt_product(s1, s2):
    """Tr (S1 S2)^{1/2} = sum_i sqrt(eig_i(S1^{1/2} S2 S1^{1/2})), S1^{1/2} from eigh."""
    values, vectors = torch.linalg.eigh(s1)
    sqrt_s1 = vectors @ torch.diag(values.clamp(min=0).sqrt()) @ vectors.T
    m = sqrt_s1 @ s2 @ sqrt_s1
    m = (m + m.T) / 2
    return torch.linalg.eigvalsh(m).clamp(min=0).sqrt().sum()


def trace_sqrt_denman_beavers(a, iterations=60):
    """Tr A^{1/2} by the Denman-Beavers iteration (Y -> A^{1/2}), an independent cross-check."""
    import numpy as np
    y, z = a.numpy().copy(), np.eye(a.shape[0])
    for _ in range(iterations):
        y, z = (y + np.linalg.inv(z)) / 2, (z + np.linalg.inv(y)) / 2
    return float(np.trace(y))


def case_frechet_distance():
    import numpy as np
    torch.manual_seed(9)
    d = 16
    features1 = torch.randn(300, d) @ (0.5 * torch.randn(d, d)) + torch.randn(d)
    features2 = torch.randn(200, d) @ (torch.eye(d) + 0.3 * torch.randn(d, d)) + 0.5 * torch.randn(d)

    x1, x2 = features1.double(), features2.double()
    mu1, mu2 = x1.mean(dim=0), x2.mean(dim=0)
    sigma1, sigma2 = covariance64(x1), covariance64(x2)
    assert np.allclose(sigma1.numpy(), np.cov(x1.numpy(), rowvar=False), rtol=1e-12, atol=1e-12)
    trace_sqrt = trace_sqrt_product(sigma1, sigma2)
    fd = ((mu1 - mu2) ** 2).sum() + torch.trace(sigma1) + torch.trace(sigma2) - 2 * trace_sqrt

    # Two independent routes to Tr (S1 S2)^{1/2}: the eigenvalues of the non-symmetric product,
    # and a matrix square root by iteration.
    product = (sigma1 @ sigma2).numpy()
    by_eigvals = float(np.sqrt(np.linalg.eigvals(product).real.clip(min=0)).sum())
    by_iteration = trace_sqrt_denman_beavers(sigma1 @ sigma2)
    for other in (by_eigvals, by_iteration):
        assert abs(other - float(trace_sqrt)) <= 1e-10 * float(trace_sqrt), (other, float(trace_sqrt))

    write_case(
        "frechet_distance",
        "Frechet distance between the Gaussians of features1 [300,16] and features2 [200,16] "
        "(float32 inputs, everything after in float64): mu = row mean, sigma = NumPy-style "
        "covariance with 1/(n-1); fd = |mu1-mu2|^2 + Tr(sigma1 + sigma2 - 2 (sigma1 sigma2)^{1/2}), "
        "the trace of the square root as the sum of sqrt(eigvalsh(sigma1^{1/2} sigma2 sigma1^{1/2})) "
        "with sigma1^{1/2} from eigh (cross-checked against eigvals(sigma1 sigma2) and a "
        "Denman-Beavers square root to 1e-10 relative). float64: mu1, sigma1 (of features1), fd.",
        {"features1": features1, "features2": features2},
        float64={"mu1": mu1, "sigma1": sigma1, "fd": fd},
    )


def parzen_log_likelihoods(samples, points, sigmas):
    """[len(sigmas), m]: logsumexp_i(-|x - s_i|^2 / (2 s^2)) - log n - (d/2) log(2 pi s^2), float64."""
    n, d = samples.shape
    squared = torch.cdist(points, samples, compute_mode="donot_use_mm_for_euclid_dist") ** 2
    direct = ((points[:, None, :] - samples[None, :, :]) ** 2).sum(dim=-1)
    assert torch.allclose(squared, direct, rtol=1e-12, atol=1e-12)
    rows = []
    for s in sigmas.tolist():
        rows.append(torch.logsumexp(-squared / (2 * s * s), dim=1)
                    - math.log(n) - d / 2 * math.log(2 * math.pi * s * s))
    return torch.stack(rows)


def case_parzen_window():
    torch.manual_seed(10)
    d = 20
    centres = torch.rand(5, d)

    def draw(k):
        which = torch.randint(0, 5, (k,))
        return (centres[which] + 0.15 * torch.randn(k, d)).clamp(0, 1)

    samples, points, validation = draw(500), draw(50), draw(50)
    s64, p64, v64 = samples.double(), points.double(), validation.double()

    sigmas = torch.tensor([0.05, 0.2, 1.0], dtype=torch.float64)
    log_likelihood = parzen_log_likelihoods(s64, p64, sigmas)

    grid = torch.tensor([0.05, 0.1, 0.2, 0.4, 0.8], dtype=torch.float64)
    validation_mean = parzen_log_likelihoods(s64, v64, grid).mean(dim=1)
    best = int(validation_mean.argmax())
    runner_up = validation_mean.clone()
    runner_up[best] = -math.inf
    # The choice must not hinge on rounding: the best beats the next by a clear margin.
    assert float(validation_mean[best] - runner_up.max()) > 1.0, validation_mean
    on_test = parzen_log_likelihoods(s64, p64, grid[best:best + 1])[0]
    test_mean = on_test.mean()
    test_standard_error = on_test.std(unbiased=True) / math.sqrt(on_test.numel())

    write_case(
        "parzen_window",
        "Gaussian Parzen window on samples [500,20] (float32 in [0,1]: 5 uniform centres plus "
        "0.15 N(0,1) noise, clamped), in float64: log p_s(x) = logsumexp_i(-|x-s_i|^2/(2 s^2)) "
        "- log n - (d/2) log(2 pi s^2), with |x-s_i| from torch.cdist. log_likelihood[k][j] is "
        "point j's value for sigma = sigmas[k]. Estimate: validation_mean[k] is the validation "
        "set's mean for sigma = grid[k]; best_sigma maximises it; test_mean and "
        "test_standard_error (unbiased sd / sqrt(m)) are over points under best_sigma.",
        {"samples": samples, "points": points, "validation": validation},
        float64={
            "sigmas": sigmas,
            "log_likelihood": log_likelihood,
            "grid": grid,
            "validation_mean": validation_mean,
            "best_sigma": grid[best],
            "test_mean": test_mean,
            "test_standard_error": test_standard_error,
        },
    )


def case_symmetric_eigen():
    import numpy as np
    torch.manual_seed(11)
    b = torch.randn(12, 12, dtype=torch.float64)
    a = (b + b.T) / 2
    eigenvalues = torch.linalg.eigvalsh(a)

    # Repeated eigenvalues (-1 x3, 2 x4, 5 x5) in a random orthonormal basis.
    q, _ = torch.linalg.qr(torch.randn(12, 12, dtype=torch.float64))
    spectrum = torch.tensor([-1.0] * 3 + [2.0] * 4 + [5.0] * 5, dtype=torch.float64)
    a_repeated = q @ torch.diag(spectrum) @ q.T
    a_repeated = (a_repeated + a_repeated.T) / 2
    eigenvalues_repeated = torch.linalg.eigvalsh(a_repeated)

    for m, values in ((a, eigenvalues), (a_repeated, eigenvalues_repeated)):
        assert torch.equal(m, m.T)
        assert np.allclose(np.linalg.eigvalsh(m.numpy()), values.numpy(), rtol=0, atol=1e-12)

    write_case(
        "symmetric_eigen",
        "torch.linalg.eigvalsh (float64, ascending) of a = (b + b^T)/2 with b ~ N(0,1) [12,12], "
        "and of a_repeated = Q diag(-1 x3, 2 x4, 5 x5) Q^T (Q from the QR of a normal matrix, "
        "symmetrised), whose eigenvalues repeat.",
        {},
        float64={
            "a": a,
            "eigenvalues": eigenvalues,
            "a_repeated": a_repeated,
            "eigenvalues_repeated": eigenvalues_repeated,
        },
    )


# gan_step_small: intentionally not generated.


# --------------------------------------------------------------------------
# convolutions: Conv2d, ConvTranspose2d, BatchNorm2d and a DCGAN step
# --------------------------------------------------------------------------

def conv_case_tensors(prefix, layer, x, grad_out, tensors):
    """Forward x through layer, backward grad_out; store inputs, parameters, output and grads under prefix."""
    y = layer(x)
    y.backward(grad_out)
    tensors[prefix + ".x"] = x
    tensors[prefix + ".weight"] = layer.weight
    if layer.bias is not None:
        tensors[prefix + ".bias"] = layer.bias
    tensors[prefix + ".y"] = y
    tensors[prefix + ".grad_out"] = grad_out
    tensors[prefix + ".grad.x"] = grad_of(x)
    tensors[prefix + ".grad.weight"] = grad_of(layer.weight)
    if layer.bias is not None:
        tensors[prefix + ".grad.bias"] = grad_of(layer.bias)


def case_conv2d():
    torch.manual_seed(21)
    tensors, scalars = {}, {}
    # (name, in, out, kernel, stride, padding, bias, input shape): odd sizes, a non-square image,
    # windows that overhang the padding, and the DCGAN discriminator's 4/2/1 and 7/1/0 layers.
    configs = [
        ("a", 3, 4, 3, 2, 1, True, (2, 3, 7, 6)),
        ("b", 2, 3, 2, 1, 0, False, (3, 2, 5, 4)),
        ("c", 1, 4, 4, 2, 1, False, (2, 1, 8, 8)),
        ("d", 4, 1, 7, 1, 0, True, (2, 4, 7, 7)),
    ]
    for name, cin, cout, k, stride, padding, bias, shape in configs:
        layer = nn.Conv2d(cin, cout, k, stride=stride, padding=padding, bias=bias)
        x = torch.randn(*shape, requires_grad=True)
        y_shape = layer(x).shape
        conv_case_tensors(name, layer, x, torch.randn(*y_shape), tensors)
        scalars.update({name + ".stride": stride, name + ".padding": padding})
    write_case(
        "conv2d",
        "nn.Conv2d forward and backward in four configurations a..d (in, out, kernel, "
        "stride, padding, bias): a (3,4,3,2,1,bias) on [2,3,7,6], b (2,3,2,1,0,no bias) "
        "on [3,2,5,4], c (1,4,4,2,1,no bias) on [2,1,8,8], d (4,1,7,1,0,bias) on [2,4,7,7]. "
        "PyTorch's default initialisation; <c>.grad_out is the upstream gradient of <c>.y.",
        tensors, scalars)


def case_conv_transpose2d():
    torch.manual_seed(22)
    tensors, scalars = {}, {}
    # (name, in, out, kernel, stride, padding, output_padding, bias, input shape): the DCGAN
    # generator's 7/1/0 from 1x1 and 4/2/1 doubling, output padding, and a non-square image.
    configs = [
        ("a", 5, 3, 7, 1, 0, 0, False, (2, 5, 1, 1)),
        ("b", 4, 3, 4, 2, 1, 0, True, (2, 4, 3, 5)),
        ("c", 3, 2, 3, 2, 1, 1, True, (2, 3, 4, 4)),
        ("d", 2, 2, 2, 1, 0, 0, False, (3, 2, 3, 2)),
    ]
    for name, cin, cout, k, stride, padding, output_padding, bias, shape in configs:
        layer = nn.ConvTranspose2d(cin, cout, k, stride=stride, padding=padding,
                                   output_padding=output_padding, bias=bias)
        x = torch.randn(*shape, requires_grad=True)
        y_shape = layer(x).shape
        conv_case_tensors(name, layer, x, torch.randn(*y_shape), tensors)
        scalars.update({name + ".stride": stride, name + ".padding": padding,
                        name + ".output_padding": output_padding})
    write_case(
        "conv_transpose2d",
        "nn.ConvTranspose2d forward and backward in four configurations a..d (in, out, "
        "kernel, stride, padding, output_padding, bias): a (5,3,7,1,0,0,no bias) on "
        "[2,5,1,1], b (4,3,4,2,1,0,bias) on [2,4,3,5], c (3,2,3,2,1,1,bias) on [2,3,4,4], "
        "d (2,2,2,1,0,0,no bias) on [3,2,3,2]. PyTorch's default initialisation.",
        tensors, scalars)


def case_batchnorm2d():
    torch.manual_seed(23)
    momentum, eps = 0.1, 1e-5
    bn = nn.BatchNorm2d(3, momentum=momentum, eps=eps)
    with torch.no_grad():
        bn.weight.copy_(1 + 0.1 * torch.randn(3))
        bn.bias.copy_(0.1 * torch.randn(3))
    weight0 = bn.weight.detach().clone()
    bias0 = bn.bias.detach().clone()
    bn.train()
    x = (torch.randn(4, 3, 5, 6) * 2 + 1).requires_grad_(True)
    grad_out = torch.randn(4, 3, 5, 6)
    y = bn(x)
    y.backward(grad_out)
    tensors = {
        "weight": weight0, "bias": bias0, "x": x, "y": y, "grad_out": grad_out,
        "grad.x": grad_of(x), "grad.weight": grad_of(bn.weight), "grad.bias": grad_of(bn.bias),
        "running_mean": bn.running_mean.clone(), "running_var": bn.running_var.clone(),
    }
    bn.eval()
    x_eval = torch.randn(2, 3, 5, 6, requires_grad=True)
    grad_out_eval = torch.randn(2, 3, 5, 6)
    bn.weight.grad = None
    bn.bias.grad = None
    y_eval = bn(x_eval)
    y_eval.backward(grad_out_eval)
    tensors.update({
        "x_eval": x_eval, "y_eval": y_eval, "grad_out_eval": grad_out_eval,
        "grad.x_eval": grad_of(x_eval), "grad.weight_eval": grad_of(bn.weight),
        "grad.bias_eval": grad_of(bn.bias),
    })
    write_case(
        "batchnorm2d",
        "BatchNorm2d(3, momentum=0.1, eps=1e-5) with affine weight/bias: one train-mode "
        "forward of x [4,3,5,6] (statistics over N*H*W = 120 values per channel) and "
        "backward of grad_out, the running statistics after it (from 0/1, unbiased "
        "variance); then an eval-mode forward of x_eval [2,3,5,6] and backward of "
        "grad_out_eval (parameter gradients *_eval reset before it).",
        tensors, {"momentum": momentum, "eps": eps})


def dcgan_generator(z_dim, h):
    """The course's DCGAN generator for 28x28 (GanNotes.Gan.Dcgan.BuildGenerator)."""
    return nn.Sequential(
        nn.Unflatten(1, (z_dim, 1, 1)),
        nn.ConvTranspose2d(z_dim, 2 * h, 7, 1, 0, bias=False),
        nn.BatchNorm2d(2 * h),
        nn.ReLU(),
        nn.ConvTranspose2d(2 * h, h, 4, 2, 1, bias=False),
        nn.BatchNorm2d(h),
        nn.ReLU(),
        nn.ConvTranspose2d(h, 1, 4, 2, 1, bias=False),
        nn.Sigmoid(),
        nn.Flatten(),
    )


def dcgan_discriminator(h):
    """The course's DCGAN discriminator for 28x28 (GanNotes.Gan.Dcgan.BuildDiscriminator)."""
    return nn.Sequential(
        nn.Unflatten(1, (1, 28, 28)),
        nn.Conv2d(1, h, 4, 2, 1, bias=False),
        nn.LeakyReLU(0.2),
        nn.Conv2d(h, 2 * h, 4, 2, 1, bias=False),
        nn.BatchNorm2d(2 * h),
        nn.LeakyReLU(0.2),
        nn.Conv2d(2 * h, 1, 7, 1, 0, bias=False),
        nn.Flatten(),
    )


def case_dcgan_step():
    torch.manual_seed(24)
    z_dim, h, m = 6, 3, 4
    g, d = dcgan_generator(z_dim, h), dcgan_discriminator(h)
    tensors = {}
    for prefix, model in (("G.", g), ("D.", d)):
        for name, value in model.state_dict().items():
            if not name.endswith("num_batches_tracked"):
                tensors[prefix + name] = value.clone()
    z = torch.randn(m, z_dim)
    real = torch.rand(m, 784)
    bce = nn.BCEWithLogitsLoss()
    fake = g(z)
    d_loss = bce(d(real), torch.ones(m, 1)) + bce(d(fake.detach()), torch.zeros(m, 1))
    d_loss.backward()
    for name, p in d.named_parameters():
        tensors["D.grad." + name] = grad_of(p)
    d.zero_grad()
    g_loss = bce(d(fake), torch.ones(m, 1))
    g_loss.backward()
    for name, p in g.named_parameters():
        tensors["G.grad." + name] = grad_of(p)
    tensors.update({"z": z, "real": real, "fake": fake, "d_loss": d_loss, "g_loss": g_loss})
    for name in ("running_mean", "running_var"):
        tensors["G.after." + name] = g[2].__getattr__(name).clone()
    write_case(
        "dcgan_step",
        "The DCGAN of GanNotes.Gan.Dcgan with z 6 and h 3 in training mode: G(z) for "
        "z [4,6] (fake, rows of 784), D's loss BCEWithLogits(D(real), 1) + "
        "BCEWithLogits(D(fake.detach()), 0) and its gradients D.grad.*, then (D's grads "
        "zeroed) G's non-saturating loss BCEWithLogits(D(fake), 1) and G.grad.*. "
        "G.* and D.* are the initial state_dicts (PyTorch's default init); "
        "G.after.running_* is G's first BatchNorm2d after the one G forward.",
        tensors)


CASES = [
    case_mlp_bce,
    case_leaky_relu,
    case_bce_logits_extreme,
    case_bce_probs,
    case_mse_ce,
    case_batchnorm_eval,
    case_adam,
    case_sgd,
    case_frechet_distance,
    case_parzen_window,
    case_symmetric_eigen,
    case_conv2d,
    case_conv_transpose2d,
    case_batchnorm2d,
    case_dcgan_step,
]


def main(names):
    by_name = {case.__name__[len("case_"):]: case for case in CASES}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        sys.exit("unknown case(s): %s; known: %s" % (", ".join(unknown), ", ".join(by_name)))
    os.makedirs(OUT_DIR, exist_ok=True)
    print("torch", torch.__version__, "->", OUT_DIR)
    for name in names or by_name:
        by_name[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
