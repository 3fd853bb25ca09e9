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
        return Reduce(input.BinaryCrossEntropy(target), reduction);
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
        return Reduce(input.BinaryCrossEntropyWithLogits(target), reduction);
    }
}
