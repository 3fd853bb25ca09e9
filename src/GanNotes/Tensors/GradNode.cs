namespace GanNotes.Tensors;

/// <summary>
/// One recorded op in the autograd graph: its inputs and the function that maps the
/// gradient of its output to the gradients of its inputs (the vector-Jacobian product).
/// </summary>
public sealed class GradNode
{
    internal GradNode(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward, bool freshInputGrads = false)
    {
        Name = name;
        Inputs = inputs;
        BackwardFn = backward;
        FreshInputGrads = freshInputGrads;
    }

    /// <summary>PyTorch-style name, such as <c>MulBackward</c>.</summary>
    public string Name { get; }

    internal Tensor[] Inputs { get; }

    /// <summary>Maps dL/d(output) to dL/d(input) for each input (null where none is needed).</summary>
    internal Func<Tensor, Tensor?[]> BackwardFn { get; }

    /// <summary>
    /// True when every input gradient the backward function returns is a new tensor that
    /// nothing else refers to (not the incoming gradient, a view of it, or a saved tensor), so
    /// a leaf may take it as its <c>Grad</c> without a copy.
    /// </summary>
    internal bool FreshInputGrads { get; }

    /// <inheritdoc/>
    public override string ToString() => $"<{Name}>";
}
