"""How many kernels the PyTorch peers run per GAN training step, counted by PyTorch's profiler on
the CPU: the proxy for the launches the same step makes on a GPU in eager mode.

Usage: /usr/bin/python3 torch_op_count.py [mlp|dcgan|both=both] [batch=128]

For each model it builds the peer's networks and step (torch_reference_gan.build: the seed-004 MLP
GAN; torch_dcgan.Gan: the DCGAN), runs three steps on random images, profiles the fourth and prints
one line per optimizer setting (Adam as the peer runs it on the CPU, one loop per parameter; and
foreach=True, the multi-tensor Adam PyTorch picks on a GPU from 2.0 on):
    model=mlp adam=single ops=... leaf_kernels=... top_level=...
ops: every aten operator the profiler saw (nested ones too); leaf_kernels: operators with no
operator below them that compute something (views, reshapes, empty allocations, .item()'s read
and other metadata-only operators left out): what would be one kernel launch each on a GPU;
top_level: the operators the Python code called directly.
"""
import sys

import torch
from torch.autograd.profiler import profile

import torch_dcgan
import torch_reference_gan

# Operators that only make, reshape or read tensor metadata: no kernel on a GPU.
METADATA = {
    "aten::empty", "aten::empty_like", "aten::empty_strided", "aten::view", "aten::reshape", "aten::_reshape_alias",
    "aten::t", "aten::transpose", "aten::permute", "aten::expand", "aten::as_strided", "aten::unsqueeze",
    "aten::squeeze", "aten::slice", "aten::select", "aten::detach", "aten::detach_", "aten::alias",
    "aten::result_type", "aten::resize_", "aten::unflatten", "aten::flatten", "aten::_unsafe_view",
    "aten::item", "aten::_local_scalar_dense", "aten::is_nonzero", "aten::size", "aten::stride",
    "aten::numel", "aten::contiguous", "aten::set_", "aten::lift", "aten::lift_fresh", "aten::to",
    "aten::_to_copy", "aten::resolve_conj", "aten::resolve_neg", "aten::zero_", "aten::fill_",
}
# zero_ and fill_ are kernels on a GPU, but on the CPU the profiler nests fill_ under zero_, so they
# are counted apart below (as one fill each) rather than as leaves.
FILLS = {"aten::zero_", "aten::fill_"}


def count(step):
    with profile() as prof:
        step()
    events = [e for e in prof.function_events if e.name.startswith("aten::")]
    # A multi-tensor (_foreach_) operator is one launch per chunk of tensors on a GPU, whatever it
    # runs below it on the CPU: it counts as a leaf, and what it runs does not count.
    def under_foreach(e):
        p = e.cpu_parent
        while p is not None:
            if p.name.startswith("aten::_foreach_"):
                return True
            p = p.cpu_parent
        return False
    events = [e for e in events if not under_foreach(e)]
    leaves = [e for e in events if e.name.startswith("aten::_foreach_")
              or not any(c.name.startswith("aten::") for c in e.cpu_children)]
    kernels = [e for e in leaves if e.name not in METADATA]
    # A fill is one kernel, whether zero_ calls fill_ below it or not.
    fills = [e for e in events if e.name in FILLS and not (e.cpu_parent is not None and e.cpu_parent.name in FILLS)]
    top = [e for e in events if e.cpu_parent is None or not e.cpu_parent.name.startswith("aten::")]
    return len(events), len(kernels) + len(fills), len(top)


def mlp_step(batch, foreach):
    torch.manual_seed(0)
    step = torch_reference_gan.build(batch, torch.device("cpu"))
    if foreach:
        for o in step.__closure__:
            if isinstance(o.cell_contents, torch.optim.Adam):
                o.cell_contents.defaults["foreach"] = True
                for group in o.cell_contents.param_groups:
                    group["foreach"] = True
    real = torch.rand(batch, 784)
    return lambda: step(real)


def dcgan_step(batch, foreach):
    gan = torch_dcgan.Gan(0)
    if foreach:
        for opt in (gan.og, gan.od):
            for group in opt.param_groups:
                group["foreach"] = True
    real = torch.rand(batch, 784)
    return lambda: gan.step(real)


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "both"
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 128
    if which not in ("mlp", "dcgan", "both"):
        sys.exit(f"error: model '{which}': choose mlp, dcgan or both")
    torch.set_num_threads(2)
    for model, make in (("mlp", mlp_step), ("dcgan", dcgan_step)):
        if which not in (model, "both"):
            continue
        for foreach in (False, True):
            step = make(batch, foreach)
            for _ in range(3):
                step()
            ops, kernels, top = count(step)
            print(f"torch {torch.__version__} model={model} adam={'foreach' if foreach else 'single'} batch={batch} "
                  f"ops={ops} leaf_kernels={kernels} top_level={top}")


if __name__ == "__main__":
    main()
