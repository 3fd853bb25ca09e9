using GanNotes.Tensors;

namespace GanNotes.Nn;

public static partial class Functional
{
    /// <summary>
    /// Binary cross-entropy on probabilities: l = -[t log p + (1 - t) log(1 - p)], with each log
    /// clamped at -100 as PyTorch does so p = 0 or 1 gives a finite loss (<c>F.binary_cross_entropy</c>).
    /// </summary>
    /// <remarks>Shapes: p and t equal. The gradient flows to p only.</remarks>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameShape(input, target, "BinaryCrossEntropy");
        var (p, t) = (input, target.Detach());
        var loss = Tensor.ZerosLike(p);
        p.Kernels.BinaryCrossEntropy(p, t, loss);
        loss = Autograd.Record(loss, "BinaryCrossEntropyBackward", [p], g =>
        {
            var dp = Tensor.ZerosLike(p); // dl/dp = (p - t) / (p (1 - p))
            p.Kernels.BinaryCrossEntropyBackward(p, t, g, dp);
            return [dp];
        });
        return Reduce(loss, reduction);
    }

    /// <summary>
    /// Binary cross-entropy on logits, l = max(x, 0) - x t + log(1 + e^-|x|), which equals
    /// BCE(sigmoid(x), t) but stays finite and exact for any logit, +-1000 included
    /// (<c>F.binary_cross_entropy_with_logits</c>). The GAN losses of Eq. 1 are this with t = 1 or 0.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameShape(input, target, "BinaryCrossEntropyWithLogits");
        var (x, t) = (input, target.Detach());
        var loss = Tensor.ZerosLike(x);
        x.Kernels.BinaryCrossEntropyWithLogits(x, t, loss);
        loss = Autograd.Record(loss, "BinaryCrossEntropyWithLogitsBackward", [x], g =>
        {
            var dx = Tensor.ZerosLike(x); // dl/dx = sigmoid(x) - t
            x.Kernels.BinaryCrossEntropyWithLogitsBackward(x, t, g, dx);
            return [dx];
        });
        return Reduce(loss, reduction);
    }
}
