using System.Collections.ObjectModel;
using GanNotes.Tensors;

namespace GanNotes.Theory;

/// <summary>
/// A mixture of K Gaussians, p(x) = sum_k w_k N(x; mu_k, sigma_k^2), w_k &gt;= 0, sum_k w_k = 1:
/// F(x) = sum_k w_k Phi((x - mu_k) / sigma_k); mean sum_k w_k mu_k; variance
/// sum_k w_k (sigma_k^2 + mu_k^2) - mean^2.
/// </summary>
/// <remarks>Samples: component k with probability w_k (one uniform draw), then x = mu_k + sigma_k z, z ~ N(0, 1).</remarks>
public sealed class NormalMixtureDensity : IDistribution1D
{
    /// <summary>How far the weights may sum from 1.</summary>
    public const double WeightTolerance = 1e-6;

    private readonly double[] weights;
    private readonly double[] means;
    private readonly double[] stds;

    /// <summary>Creates the mixture of the components (w_k, mu_k, sigma_k).</summary>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths, a weight is negative or not finite, or the weights do not sum to 1 within 1e-6.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite or a std is not positive and finite.</exception>
    public NormalMixtureDensity(IReadOnlyList<double> weights, IReadOnlyList<double> means, IReadOnlyList<double> stds)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(stds);
        if (weights.Count == 0 || weights.Count != means.Count || weights.Count != stds.Count)
        {
            throw new ArgumentException(
                $"Invalid mixture: {weights.Count} weights, {means.Count} means and {stds.Count} stds; give the same non-zero number of each.", nameof(weights));
        }
        double sum = 0;
        for (int k = 0; k < weights.Count; k++)
        {
            if (!double.IsFinite(weights[k]) || weights[k] < 0)
            {
                throw new ArgumentException($"Invalid weights[{k}]: {TheoryChecks.Format(weights[k])}; a weight must be non-negative and finite.", nameof(weights));
            }
            TheoryChecks.Finite(means[k], $"means[{k}]");
            TheoryChecks.PositiveStd(stds[k], $"stds[{k}]");
            sum += weights[k];
        }
        if (Math.Abs(sum - 1) > WeightTolerance)
        {
            throw new ArgumentException($"Invalid weights: they sum to {TheoryChecks.Format(sum)}, not 1 (tolerance {TheoryChecks.Format(WeightTolerance)}).", nameof(weights));
        }
        this.weights = [.. weights];
        this.means = [.. means];
        this.stds = [.. stds];
    }

    /// <summary>w_k.</summary>
    public IReadOnlyList<double> Weights => new ReadOnlyCollection<double>(weights);

    /// <summary>mu_k.</summary>
    public IReadOnlyList<double> Means => new ReadOnlyCollection<double>(means);

    /// <summary>sigma_k.</summary>
    public IReadOnlyList<double> Stds => new ReadOnlyCollection<double>(stds);

    /// <summary>The mixture mean, sum_k w_k mu_k.</summary>
    public double Mean
    {
        get
        {
            double mean = 0;
            for (int k = 0; k < weights.Length; k++)
            {
                mean += weights[k] * means[k];
            }
            return mean;
        }
    }

    /// <summary>The mixture variance, sum_k w_k (sigma_k^2 + mu_k^2) - mean^2.</summary>
    public double Variance
    {
        get
        {
            double mean = Mean;
            double second = 0;
            for (int k = 0; k < weights.Length; k++)
            {
                second += weights[k] * (stds[k] * stds[k] + (means[k] - mean) * (means[k] - mean));
            }
            return second;
        }
    }

    /// <inheritdoc/>
    public double Pdf(double x)
    {
        double p = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            p += weights[k] * SpecialFunctions.NormalPdf(x, means[k], stds[k]);
        }
        return p;
    }

    /// <summary>log p(x) by log-sum-exp over the components, finite wherever a component with w_k &gt; 0 is.</summary>
    public double LogPdf(double x)
    {
        double result = double.NegativeInfinity;
        for (int k = 0; k < weights.Length; k++)
        {
            if (weights[k] > 0)
            {
                result = SpecialFunctions.LogAddExp(result, Math.Log(weights[k]) + SpecialFunctions.NormalLogPdf(x, means[k], stds[k]));
            }
        }
        return result;
    }

    /// <inheritdoc/>
    public double Cdf(double x)
    {
        double f = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            f += weights[k] * SpecialFunctions.StandardNormalCdf((x - means[k]) / stds[k]);
        }
        return Math.Min(f, 1);
    }

    /// <inheritdoc/>
    public double Quantile(double probability) => Quantiles.ByBisection(this, probability);

    /// <inheritdoc/>
    public double[] Sample(int n, Rng rng) => IidSamples.Draw(n, rng, r =>
    {
        int k = PickComponent(r.NextDouble());
        return means[k] + stds[k] * r.NextNormal();
    });

    /// <inheritdoc/>
    public (double Low, double High) CoveringRange(double widths)
    {
        TheoryChecks.PositiveStd(widths, nameof(widths));
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        for (int k = 0; k < weights.Length; k++)
        {
            if (weights[k] > 0)
            {
                low = Math.Min(low, means[k] - widths * stds[k]);
                high = Math.Max(high, means[k] + widths * stds[k]);
            }
        }
        return (low, high);
    }

    private int PickComponent(double u)
    {
        double cumulative = 0;
        for (int k = 0; k < weights.Length - 1; k++)
        {
            cumulative += weights[k];
            if (u < cumulative)
            {
                return k;
            }
        }
        // NOTE: rounding can leave the weights' running sum a hair below u; the last component takes the rest.
        return weights.Length - 1;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(" + ", Enumerable.Range(0, weights.Length).Select(k =>
            $"{TheoryChecks.Format(weights[k])} N({TheoryChecks.Format(means[k])}, {TheoryChecks.Format(stds[k])}^2)"));
}
