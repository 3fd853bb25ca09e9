using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>Binary cross-entropy on probabilities (PyTorch's <c>nn.BCELoss</c>); see <see cref="Functional.BinaryCrossEntropy"/>.</summary>
public sealed class BceLoss(Reduction reduction = Reduction.Mean)
{
    /// <summary>The loss of <paramref name="input"/> probabilities against <paramref name="target"/>.</summary>
    public Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropy(input, target, reduction);
}

/// <summary>Binary cross-entropy on logits (PyTorch's <c>nn.BCEWithLogitsLoss</c>); see <see cref="Functional.BinaryCrossEntropyWithLogits"/>.</summary>
public sealed class BceWithLogitsLoss(Reduction reduction = Reduction.Mean)
{
    /// <summary>The loss of <paramref name="input"/> logits against <paramref name="target"/>.</summary>
    public Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropyWithLogits(input, target, reduction);
}

/// <summary>Mean squared error (PyTorch's <c>nn.MSELoss</c>); see <see cref="Functional.MseLoss"/>.</summary>
public sealed class MseLoss(Reduction reduction = Reduction.Mean)
{
    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    public Tensor Forward(Tensor input, Tensor target) => Functional.MseLoss(input, target, reduction);
}

/// <summary>Cross-entropy from logits and class indices (PyTorch's <c>nn.CrossEntropyLoss</c>); see <see cref="Functional.CrossEntropy"/>.</summary>
public sealed class CrossEntropyLoss(Reduction reduction = Reduction.Mean)
{
    /// <summary>The loss of <paramref name="logits"/> [N, C] against class indices.</summary>
    public Tensor Forward(Tensor logits, int[] targets) => Functional.CrossEntropy(logits, targets, reduction);
}
