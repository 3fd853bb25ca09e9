using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// An affine map y = x W^T + b (PyTorch's <c>nn.Linear</c>).
/// </summary>
/// <remarks>
/// Shapes: x [N, in] -> y [N, out]; W [out, in]; b [out].
/// Init (PyTorch's default): W and b ~ U(-1/sqrt(in), 1/sqrt(in)), i.e. Kaiming uniform with a = sqrt(5).
/// </remarks>
public sealed class Linear : Module
{
    /// <summary>Creates the layer and initialises it from <paramref name="rng"/> (default: <see cref="Rng.Default"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A feature count is not positive.</exception>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Rng? rng = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Init.KaimingUniform_(Weight, MathF.Sqrt(5f), rng);
        if (bias)
        {
            float bound = 1f / MathF.Sqrt(inFeatures);
            Bias = RegisterParameter("bias", Tensor.Zeros(outFeatures));
            Init.Uniform_(Bias, -bound, bound, rng);
        }
    }

    /// <summary>Input size.</summary>
    public int InFeatures { get; }

    /// <summary>Output size.</summary>
    public int OutFeatures { get; }

    /// <summary>W, shape [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>b, shape [out], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={PyRepr.Of(Bias is not null)}";
}
