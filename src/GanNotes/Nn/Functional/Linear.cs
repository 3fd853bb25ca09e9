using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>Stateless forms of the layers and losses (PyTorch's <c>torch.nn.functional</c>).</summary>
public static partial class Functional
{
    /// <summary>y = x W^T + b. Shapes: x [N, in], W [out, in], b [out] -> y [N, out].</summary>
    /// <exception cref="ArgumentException">x's last size differs from W's in-features (both shapes named).</exception>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank != 2 || weight.Rank != 2 || input.Size(1) != weight.Size(1))
        {
            throw new ArgumentException($"Linear: input shape {Format(input)} does not match weight shape {Format(weight)} (expected [N, {(weight.Rank == 2 ? weight.Size(1) : '?')}]).");
        }
        // The transpose is read in place by the kernel, never copied; the bias is the
        // product's starting value, not a separate pass.
        return bias is null ? Tensor.MatMul(input, false, weight, true) : Tensor.AddMatMul(bias, input, false, weight, true);
    }

    internal static string Format(Tensor t) => "[" + string.Join(", ", t.Shape) + "]";
}
