using GanNotes.Tensors.Backend;

namespace GanNotes.Tensors;

/// <summary>
/// The fused elementwise losses and the column gather of the classification losses, as ops with
/// forward and backward side by side (Nn.Functional reduces them and names them as PyTorch does).
/// </summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Elementwise binary cross-entropy of these probabilities p against <paramref name="target"/> t:
    /// -[t log p + (1 - t) log(1 - p)], each log clamped at -100 as PyTorch does. Unreduced; the
    /// gradient flows to p only.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public Tensor BinaryCrossEntropy(Tensor target)
    {
        var (p, t) = (this, SameShapeTarget(target, "BinaryCrossEntropy"));
        var loss = Uninitialized(p.shape, p.Device);
        Kernels.BinaryCrossEntropy(p, t, loss);
        return Autograd.Record(loss, "BinaryCrossEntropyBackward", [p], g =>
        {
            var dp = Uninitialized(p.shape, p.Device); // dl/dp = (p - t) / (p (1 - p))
            p.Kernels.BinaryCrossEntropyBackward(p, t, g, dp);
            return [dp];
        });
    }

    /// <summary>
    /// Elementwise binary cross-entropy of these logits x against <paramref name="target"/> t:
    /// max(x, 0) - x t + log(1 + e^-|x|), which equals BCE(sigmoid(x), t) but stays finite and
    /// exact for any logit. Unreduced; the gradient flows to x only.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public Tensor BinaryCrossEntropyWithLogits(Tensor target)
    {
        var (x, t) = (this, SameShapeTarget(target, "BinaryCrossEntropyWithLogits"));
        var loss = Uninitialized(x.shape, x.Device);
        Kernels.BinaryCrossEntropyWithLogits(x, t, loss);
        return Autograd.Record(loss, "BinaryCrossEntropyWithLogitsBackward", [x], g =>
        {
            var dx = Uninitialized(x.shape, x.Device); // dl/dx = sigmoid(x) - t
            x.Kernels.BinaryCrossEntropyWithLogitsBackward(x, t, g, dx);
            return [dx];
        });
    }

    /// <summary>
    /// y[i] = x[i, targets[i]] for this [N, C] tensor of per-class scores (PyTorch's
    /// <c>x.gather(1, idx).squeeze(1)</c>), the gradient scattered back into those entries: the
    /// pick of the classification losses. <paramref name="op"/> names the loss in the messages.
    /// </summary>
    /// <exception cref="ArgumentException">Not [N, C] with N = targets.Length, or a class outside [0, C).</exception>
    internal Tensor GatherColumns(int[] targets, string op)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var x = this;
        if (x.Rank != 2 || x.Size(0) != targets.Length)
        {
            throw new ArgumentException($"{op}: input shape {ShapeUtil.Format(x.shape)} does not match {targets.Length} targets (expected [{targets.Length}, C]).");
        }
        int classes = x.Size(1);
        foreach (int c in targets)
        {
            if ((uint)c >= (uint)classes)
            {
                throw new ArgumentException($"{op}: target class {c} is out of range for {classes} classes.", nameof(targets));
            }
        }
        var picked = Uninitialized([targets.Length], x.Device);
        Kernels.PickColumns(x, targets, picked);
        return Autograd.Record(picked, "GatherBackward", [x], g =>
        {
            var dx = ZerosLike(x); // d x[i, c_i] / dx = one-hot(c_i)
            x.Kernels.ScatterColumns(g, targets, dx);
            return [dx];
        });
    }

    private Tensor SameShapeTarget(Tensor target, string op)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!shape.AsSpan().SequenceEqual(target.shape))
        {
            throw new ArgumentException($"{op}: input shape {ShapeUtil.Format(shape)} and target shape {ShapeUtil.Format(target.shape)} must match.");
        }
        return target.Detach();
    }
}
