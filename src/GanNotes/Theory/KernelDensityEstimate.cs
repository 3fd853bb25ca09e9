using System.Collections.ObjectModel;
using GanNotes.Tensors;

namespace GanNotes.Theory;

/// <summary>
/// The Gaussian kernel density estimate of samples x_1..x_n with bandwidth h:
/// p(x) = (1 / (n h)) sum_i phi((x - x_i) / h), phi the N(0, 1) density. It is itself an exact
/// distribution: F(x) = (1/n) sum_i Phi((x - x_i) / h), mean = sample mean, variance =
/// (1/n) sum_i (x_i - mean)^2 + h^2 (the sample's spread plus the kernel's).
/// </summary>
/// <remarks>
/// Bandwidth: given explicitly, or by Silverman's rule of thumb (Silverman 1986, Eq. 3.31),
/// h = 0.9 min(s, IQR / 1.34) n^(-1/5) (see <see cref="SilvermanBandwidth"/>). Use it to turn the
/// samples of a generator G(z) into a p_g that the quadrature routines can integrate.
/// Each Pdf call costs O(n).
/// </remarks>
public sealed class KernelDensityEstimate : IDistribution1D
{
    private readonly double[] samples;
    private readonly double logNormalizer;

    /// <summary>The estimate of <paramref name="samples"/> with Silverman's bandwidth.</summary>
    /// <exception cref="ArgumentException">The sample is empty, has a value that is not finite, or has a Silverman bandwidth of 0 (fewer than 2 distinct values).</exception>
    public KernelDensityEstimate(ReadOnlySpan<double> samples)
        : this(samples, SilvermanBandwidth(samples))
    {
    }

    /// <summary>The estimate of <paramref name="samples"/> with kernel width <paramref name="bandwidth"/>.</summary>
    /// <exception cref="ArgumentException">The sample is empty or has a value that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The bandwidth is zero, negative or not finite.</exception>
    public KernelDensityEstimate(ReadOnlySpan<double> samples, double bandwidth)
    {
        RequireNonEmpty(samples);
        this.samples = TheoryChecks.FiniteSample(samples, nameof(samples));
        if (!(double.IsFinite(bandwidth) && bandwidth > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(bandwidth), bandwidth,
                $"Invalid bandwidth: {TheoryChecks.Format(bandwidth)}; a kernel width must be positive and finite.");
        }
        Bandwidth = bandwidth;
        logNormalizer = Math.Log(this.samples.Length * bandwidth) + SpecialFunctions.LogSqrtTwoPi;
    }

    /// <summary>The kernel width h.</summary>
    public double Bandwidth { get; }

    /// <summary>The number of samples n.</summary>
    public int Count => samples.Length;

    /// <summary>The samples x_i (a read-only view).</summary>
    public IReadOnlyList<double> Samples => new ReadOnlyCollection<double>(samples);

    /// <summary>The sample mean (1/n) sum_i x_i.</summary>
    public double Mean => samples.Average();

    /// <summary>(1/n) sum_i (x_i - mean)^2 + h^2.</summary>
    public double Variance
    {
        get
        {
            double mean = Mean;
            return samples.Sum(x => (x - mean) * (x - mean)) / samples.Length + Bandwidth * Bandwidth;
        }
    }

    /// <summary>
    /// Silverman's rule of thumb, h = 0.9 min(s, IQR / 1.34) n^(-1/5), with s the sample standard
    /// deviation (n - 1 denominator) and IQR = Q3 - Q1 from linearly interpolated quantiles (Hyndman &amp;
    /// Fan type 7, the default of R and NumPy). When the IQR is 0 (many ties) s is used alone.
    /// </summary>
    /// <exception cref="ArgumentException">The sample is empty, has a value that is not finite, or has fewer than 2 distinct values (no spread to scale a kernel by; pass an explicit bandwidth).</exception>
    public static double SilvermanBandwidth(ReadOnlySpan<double> samples)
    {
        RequireNonEmpty(samples);
        var sorted = TheoryChecks.FiniteSample(samples, nameof(samples));
        Array.Sort(sorted);
        int n = sorted.Length;
        double s = 0;
        if (n >= 2)
        {
            double mean = sorted.Average();
            s = Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        }
        if (!(s > 0))
        {
            throw new ArgumentException(
                $"Invalid samples: {n} value(s), all equal to {TheoryChecks.Format(sorted[0])}; Silverman's rule needs a spread, so pass an explicit bandwidth.", nameof(samples));
        }
        double iqr = SortedQuantile(sorted, 0.75) - SortedQuantile(sorted, 0.25);
        double scale = iqr > 0 ? Math.Min(s, iqr / 1.34) : s;
        return 0.9 * scale * Math.Pow(n, -0.2);
    }

    /// <inheritdoc/>
    public double Pdf(double x)
    {
        double sum = 0;
        double inverseH = 1 / Bandwidth;
        foreach (double xi in samples)
        {
            double u = (x - xi) * inverseH;
            sum += Math.Exp(-0.5 * u * u);
        }
        return sum / (samples.Length * Bandwidth * Math.Sqrt(2 * Math.PI));
    }

    /// <summary>log p(x); by log-sum-exp over the kernels where p(x) itself would underflow.</summary>
    public double LogPdf(double x)
    {
        double p = Pdf(x);
        if (p > 1e-280)
        {
            return Math.Log(p);
        }
        double max = double.NegativeInfinity;
        foreach (double xi in samples)
        {
            double u = (x - xi) / Bandwidth;
            max = Math.Max(max, -0.5 * u * u);
        }
        double sum = 0;
        foreach (double xi in samples)
        {
            double u = (x - xi) / Bandwidth;
            sum += Math.Exp(-0.5 * u * u - max);
        }
        return max + Math.Log(sum) - logNormalizer;
    }

    /// <inheritdoc/>
    public double Cdf(double x)
    {
        double f = 0;
        foreach (double xi in samples)
        {
            f += SpecialFunctions.StandardNormalCdf((x - xi) / Bandwidth);
        }
        return Math.Min(f / samples.Length, 1);
    }

    /// <inheritdoc/>
    public double Quantile(double probability) => Quantiles.ByBisection(this, probability);

    /// <summary><paramref name="n"/> samples of the estimate: a uniformly chosen x_i plus h z, z ~ N(0, 1) (the smoothed bootstrap).</summary>
    public double[] Sample(int n, Rng rng) => IidSamples.Draw(n, rng, r => samples[r.NextInt(samples.Length)] + Bandwidth * r.NextNormal());

    /// <inheritdoc/>
    public (double Low, double High) CoveringRange(double widths)
    {
        TheoryChecks.PositiveStd(widths, nameof(widths));
        return (samples.Min() - widths * Bandwidth, samples.Max() + widths * Bandwidth);
    }

    /// <inheritdoc/>
    public override string ToString() => $"KDE(n = {Count}, h = {TheoryChecks.Format(Bandwidth)})";

    private static void RequireNonEmpty(ReadOnlySpan<double> samples)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("Invalid samples: the sample is empty (0 values); a density estimate needs at least one.", nameof(samples));
        }
    }

    /// <summary>Type-7 quantile of sorted data: position q (n - 1), interpolated linearly between neighbours.</summary>
    private static double SortedQuantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
