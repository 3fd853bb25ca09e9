using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Data;

/// <summary>
/// A 1-D mixture of K normals, p(x) = sum_k w_k N(x; mu_k, sigma_k^2), with weights w_k >= 0
/// summing to 1: the multi-modal p_data on which a GAN can drop modes.
/// </summary>
/// <remarks>
/// Samples: pick component k with probability w_k (one uniform draw), then x = mu_k + sigma_k z,
/// z ~ N(0, 1); shape [n, 1]. The density, mean, variance and sampling are Theory's
/// <see cref="NormalMixtureDensity"/>, so this sampler can be passed wherever the paper's maths
/// takes a density.
/// </remarks>
public sealed class GaussianMixture1D : IToyDistribution, IDensity1D
{
    private readonly NormalMixtureDensity density;
    /// <summary>How far the weights may sum from 1.</summary>
    public const double WeightTolerance = NormalMixtureDensity.WeightTolerance;

    /// <summary>Creates the mixture of components (w_k, mu_k, sigma_k).</summary>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths, a weight is negative, or the weights do not sum to 1 within 1e-6.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite or a std is not positive and finite.</exception>
    public GaussianMixture1D(IReadOnlyList<double> weights, IReadOnlyList<double> means, IReadOnlyList<double> stds)
    {
        density = new NormalMixtureDensity(weights, means, stds); // checks every parameter and names the bad one
    }

    /// <summary>w_k.</summary>
    public IReadOnlyList<double> Weights => density.Weights;

    /// <summary>mu_k.</summary>
    public IReadOnlyList<double> Means => density.Means;

    /// <summary>sigma_k.</summary>
    public IReadOnlyList<double> Stds => density.Stds;

    /// <summary>The mixture mean, sum_k w_k mu_k.</summary>
    public double Mean => density.Mean;

    /// <summary>The mixture variance, sum_k w_k (sigma_k^2 + mu_k^2) - mean^2.</summary>
    public double Variance => density.Variance;

    /// <inheritdoc/>
    public int Dimension => 1;

    /// <summary>The exact density p(x) = sum_k w_k N(x; mu_k, sigma_k^2).</summary>
    public double Pdf(double x) => density.Pdf(x);

    /// <inheritdoc/>
    public Tensor Sample(int n, Rng? rng = null)
    {
        return ToySamples.Column(density.Sample(n, rng ?? Rng.Default));
    }
}
