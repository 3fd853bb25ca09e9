using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>How a loss combines its per-element values (PyTorch's <c>reduction=</c>).</summary>
public enum Reduction
{
    /// <summary>The mean over all elements (the default).</summary>
    Mean,
    /// <summary>The sum over all elements.</summary>
    Sum,
    /// <summary>No reduction: one loss per element.</summary>
    None,
}

public static partial class Functional
{
    private static Tensor Reduce(Tensor loss, Reduction reduction) => reduction switch
    {
        Reduction.Mean => loss.Mean(),
        Reduction.Sum => loss.Sum(),
        Reduction.None => loss,
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, $"Unknown reduction: {reduction}."),
    };

    private static void RequireSameShape(Tensor input, Tensor target, string loss)
    {
        if (!input.Shape.SequenceEqual(target.Shape))
        {
            throw new ArgumentException($"{loss}: input shape {Format(input)} and target shape {Format(target)} must match.");
        }
    }
}
