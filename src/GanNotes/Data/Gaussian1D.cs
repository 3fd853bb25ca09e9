using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Data;

/// <summary>
/// The 1-D normal distribution N(mu, sigma^2), the p_data of the paper's Fig. 1:
/// p(x) = exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)).
/// </summary>
/// <remarks>
/// Samples: x = mu + sigma z, z ~ N(0, 1) from the rng; shape [n, 1]. The density and the
/// sampling are Theory's <see cref="NormalDensity"/>, so this sampler can be passed wherever the
/// paper's maths takes a density (V, D*, C(G), JSD).
/// </remarks>
public sealed class Gaussian1D : IToyDistribution, IDensity1D
{
    private readonly NormalDensity density;

    /// <summary>Creates N(<paramref name="mean"/>, <paramref name="std"/>^2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mean is not finite or the std is not positive and finite.</exception>
    public Gaussian1D(double mean = 0.0, double std = 1.0)
    {
        density = new NormalDensity(mean, std); // checks both and names the bad one
        Mean = density.Mean;
        Std = density.Std;
    }

    /// <summary>mu.</summary>
    public double Mean { get; }

    /// <summary>sigma.</summary>
    public double Std { get; }

    /// <summary>sigma^2.</summary>
    public double Variance => Std * Std;

    /// <inheritdoc/>
    public int Dimension => 1;

    /// <summary>The exact density p(x).</summary>
    public double Pdf(double x) => density.Pdf(x);

    /// <inheritdoc/>
    public Tensor Sample(int n, Rng? rng = null)
    {
        return ToySamples.Column(density.Sample(n, rng ?? Rng.Default));
    }

    /// <inheritdoc/>
    public override string ToString() => $"N({Mean}, {Std}^2)";
}
