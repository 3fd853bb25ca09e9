namespace GanNotes.Tensors;

/// <summary>
/// One recorded op in the autograd graph: its inputs and the function that maps the
/// gradient of its output to the gradients of its inputs (the vector-Jacobian product).
/// </summary>
public sealed class GradNode
{
    internal GradNode(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        Name = name;
        Inputs = inputs;
        BackwardFn = backward;
    }

    /// <summary>PyTorch-style name, such as <c>MulBackward</c>.</summary>
    public string Name { get; }

    internal Tensor[] Inputs { get; }

    /// <summary>Maps dL/d(output) to dL/d(input) for each input (null where none is needed).</summary>
    internal Func<Tensor, Tensor?[]> BackwardFn { get; }

    /// <inheritdoc/>
    public override string ToString() => $"<{Name}>";
}
