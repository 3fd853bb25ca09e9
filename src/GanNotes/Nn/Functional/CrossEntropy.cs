using GanNotes.Tensors;

namespace GanNotes.Nn;

public static partial class Functional
{
    /// <summary>
    /// Cross-entropy from logits and class indices: l_i = -log softmax(x_i)[c_i]
    /// (<c>F.cross_entropy</c>), computed as <see cref="NllLoss"/> of <see cref="Tensor.LogSoftmax"/>.
    /// </summary>
    /// <remarks>Shapes: logits [N, C]; targets N indices in [0, C).</remarks>
    public static Tensor CrossEntropy(Tensor logits, int[] targets, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank != 2)
        {
            throw new ArgumentException($"CrossEntropy: expected logits of shape [N, C], got {Format(logits)}.", nameof(logits));
        }
        return NllLoss(logits.LogSoftmax(1), targets, reduction);
    }

    /// <summary>Negative log-likelihood: l_i = -x[i, c_i] for log-probabilities x [N, C] (<c>F.nll_loss</c>).</summary>
    /// <exception cref="ArgumentException">The target count differs from N, or a class is outside [0, C).</exception>
    public static Tensor NllLoss(Tensor logProbabilities, int[] targets, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logProbabilities);
        return Reduce(-logProbabilities.GatherColumns(targets, "NllLoss"), reduction);
    }
}
