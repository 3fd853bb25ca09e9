using System.Globalization;

namespace GanNotes.Evaluation;

/// <summary>
/// The mean of paired differences d_j = a_j - b_j over the same m test points, with its standard
/// error s_d / sqrt(m), s_d the sample standard deviation of the d_j (divisor m - 1): the paired
/// comparison of two scores measured on one test set.
/// </summary>
/// <remarks>
/// Two means taken over the same test points are not independent: a test image that is hard for
/// one generator's Parzen window is hard for the other's too. The standard error of a - b is then
/// sqrt(se_a^2 + se_b^2 - 2 cov), smaller than the unpaired sqrt(se_a^2 + se_b^2) by the covariance
/// term, and the paired standard deviation s_d estimates it directly (the paired t statistic is
/// <see cref="Mean"/> / <see cref="StandardError"/>).
/// </remarks>
/// <param name="Mean">The mean difference, mean(a) - mean(b).</param>
/// <param name="StandardError">s_d / sqrt(m).</param>
/// <param name="Count">m, the number of pairs.</param>
public sealed record PairedDifference(double Mean, double StandardError, int Count)
{
    /// <summary>How many standard errors the mean difference lies from 0 (the paired t statistic).</summary>
    public double StandardErrors => Mean / StandardError;

    /// <summary>The paired difference of <paramref name="a"/> and <paramref name="b"/>, values for the same points in the same order.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, hold fewer than 2 values, or hold a value that is not finite.</exception>
    public static PairedDifference Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"A paired difference needs one value of each for every point, got {a.Count} and {b.Count}.", nameof(b));
        }
        var d = new double[a.Count];
        for (int j = 0; j < d.Length; j++)
        {
            d[j] = a[j] - b[j];
            if (!double.IsFinite(d[j]))
            {
                throw new ArgumentException($"Point {j} has no finite difference: {a[j]} - {b[j]}.", nameof(b));
            }
        }
        var (mean, standardError) = MeanAndStandardError(d);
        return new PairedDifference(mean, standardError, d.Length);
    }

    /// <summary>"+2.47 ± 0.31 (10000 pairs, 8.0 standard errors)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Mean:+0.00;-0.00;0.00} ± {StandardError:F2} ({Count} pairs, {StandardErrors:F1} standard errors)");

    /// <summary>The mean of <paramref name="values"/> and its standard error, s / sqrt(n) with s's divisor n - 1.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 values.</exception>
    internal static (double Mean, double StandardError) MeanAndStandardError(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2)
        {
            throw new ArgumentException($"A standard error needs at least 2 values, got {values.Count}.", nameof(values));
        }
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return (mean, sd / Math.Sqrt(values.Count));
    }
}
