using GanNotes.Tensors;

namespace GanNotes.Nn;

/// <summary>
/// Zeroes each element with probability p during training and scales the rest by 1 / (1 - p),
/// so the expected value is unchanged; the identity in evaluation (Srivastava et al. 2014; PyTorch's <c>nn.Dropout</c>).
/// </summary>
public sealed class Dropout : Module
{
    private readonly Rng? rng;

    /// <summary>Creates the layer; masks come from <paramref name="rng"/> (default: <see cref="Rng.Default"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1].</exception>
    public Dropout(float p = 0.5f, Rng? rng = null)
    {
        if (!(p >= 0f && p <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"Invalid dropout probability: {p}; it must be in [0, 1].");
        }
        P = p;
        this.rng = rng;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public float P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Training || P == 0f)
        {
            return input;
        }
        var mask = new float[input.NumElements];
        var source = rng ?? Rng.Default;
        float keepScale = P == 1f ? 0f : 1f / (1f - P);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = source.NextSingle() >= P ? keepScale : 0f;
        }
        return input * Tensor.FromArray(mask, [.. input.Shape]);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"p={PyRepr.Of(P)}, inplace=False";
}
