using GanNotes.Tensors;

namespace GanNotes.Theory;

/// <summary>
/// A 1-D density whose distribution function, moments and sampler are known exactly: the Gaussian,
/// the Gaussian mixture and the Gaussian kernel density estimate of this namespace.
/// </summary>
public interface IDistribution1D : IDensity1D
{
    /// <summary>The mean E[x].</summary>
    double Mean { get; }

    /// <summary>The variance E[(x - E[x])^2].</summary>
    double Variance { get; }

    /// <summary>The distribution function F(x) = P(X &lt;= x), the integral of p from -infinity to x.</summary>
    double Cdf(double x);

    /// <summary>The inverse distribution function F^-1(u) for u in (0, 1): the transform that turns U(0, 1) into this distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not strictly between 0 and 1.</exception>
    double Quantile(double probability);

    /// <summary><paramref name="n"/> independent samples, drawn in order from <paramref name="rng"/> (same seed, same samples).</summary>
    double[] Sample(int n, Rng rng);

    /// <summary>
    /// A range [Low, High] that holds all but a negligible tail of the mass: every Gaussian bump
    /// (component or kernel) is covered to <paramref name="widths"/> of its own standard deviations
    /// (10 widths leave a tail below 1e-22).
    /// </summary>
    (double Low, double High) CoveringRange(double widths);
}
