using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>The distribution p_z(z) the generator's input is drawn from.</summary>
public enum NoiseKind
{
    /// <summary>z ~ N(0, I), the lecture notes' choice.</summary>
    Normal,
    /// <summary>z ~ U(-1, 1)^d, the GAN paper's choice for its MNIST experiments.</summary>
    Uniform,
}

/// <summary>Draws noise minibatches z [m, zDim] from p_z.</summary>
public sealed class NoisePrior(NoiseKind kind, int zDim)
{
    /// <summary>The distribution.</summary>
    public NoiseKind Kind { get; } = kind;

    /// <summary>The dimension of z.</summary>
    public int ZDim { get; } = zDim > 0 ? zDim : throw new ArgumentOutOfRangeException(nameof(zDim), zDim, $"Invalid noise dimension: {zDim}.");

    /// <summary>m samples, drawn in order from <paramref name="rng"/>.</summary>
    public Tensor Sample(int m, Tensors.Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        var z = Tensor.Uninitialized([m, ZDim], Device.Cpu);
        if (Kind == NoiseKind.Normal)
        {
            rng.FillNormal(z.Span, 0f, 1f);
        }
        else
        {
            rng.FillUniform(z.Span, -1f, 1f);
        }
        return z;
    }
}
