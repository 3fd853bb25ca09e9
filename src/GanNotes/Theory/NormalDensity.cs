using GanNotes.Tensors;

namespace GanNotes.Theory;

/// <summary>
/// The Gaussian N(mu, sigma^2): p(x) = exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)),
/// F(x) = Phi((x - mu) / sigma) with Phi(z) = erfc(-z / sqrt 2) / 2.
/// </summary>
/// <remarks>
/// Named <c>NormalDensity</c> so that it never clashes with the sampler <c>GanNotes.Data.Gaussian1D</c>
/// when a notebook imports both namespaces. Samples: x = mu + sigma z, z ~ N(0, 1).
/// </remarks>
public sealed class NormalDensity : IDistribution1D
{
    /// <summary>Creates N(<paramref name="mean"/>, <paramref name="std"/>^2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mean is not finite, or the std is not positive and finite.</exception>
    public NormalDensity(double mean = 0.0, double std = 1.0)
    {
        Mean = TheoryChecks.Finite(mean, nameof(mean));
        Std = TheoryChecks.PositiveStd(std, nameof(std));
    }

    /// <summary>mu.</summary>
    public double Mean { get; }

    /// <summary>sigma.</summary>
    public double Std { get; }

    /// <summary>sigma^2.</summary>
    public double Variance => Std * Std;

    /// <inheritdoc/>
    public double Pdf(double x) => SpecialFunctions.NormalPdf(x, Mean, Std);

    /// <summary>log p(x) = -(x - mu)^2 / (2 sigma^2) - log sigma - log sqrt(2 pi), finite for every finite x.</summary>
    public double LogPdf(double x) => SpecialFunctions.NormalLogPdf(x, Mean, Std);

    /// <inheritdoc/>
    public double Cdf(double x) => SpecialFunctions.StandardNormalCdf((x - Mean) / Std);

    /// <inheritdoc/>
    public double Quantile(double probability) => Quantiles.ByBisection(this, probability);

    /// <inheritdoc/>
    public double[] Sample(int n, Rng rng) => IidSamples.Draw(n, rng, r => Mean + Std * r.NextNormal());

    /// <inheritdoc/>
    public (double Low, double High) CoveringRange(double widths)
    {
        TheoryChecks.PositiveStd(widths, nameof(widths));
        return (Mean - widths * Std, Mean + widths * Std);
    }

    /// <summary>
    /// The closed form KL(N(mu1, s1^2) || N(mu2, s2^2)) = log(s2 / s1) + (s1^2 + (mu1 - mu2)^2) / (2 s2^2) - 1/2,
    /// this density being the first argument.
    /// </summary>
    public double KullbackLeiblerTo(NormalDensity q)
    {
        ArgumentNullException.ThrowIfNull(q);
        double dm = Mean - q.Mean;
        return Math.Log(q.Std / Std) + (Variance + dm * dm) / (2 * q.Variance) - 0.5;
    }

    /// <inheritdoc/>
    public override string ToString() => $"N({TheoryChecks.Format(Mean)}, {TheoryChecks.Format(Std)}^2)";
}
