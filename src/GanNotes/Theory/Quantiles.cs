namespace GanNotes.Theory;

/// <summary>Quantiles of the distributions without a closed-form inverse CDF.</summary>
internal static class Quantiles
{
    /// <summary>
    /// The <paramref name="probability"/>-quantile: the CDF inverted by bisection over the range
    /// ten standard deviations wide around every component (<see cref="IDistribution1D.CoveringRange"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not strictly between 0 and 1.</exception>
    public static double ByBisection(IDistribution1D distribution, double probability)
    {
        TheoryChecks.Probability(probability, nameof(probability));
        var (low, high) = distribution.CoveringRange(10);
        return SpecialFunctions.InverseByBisection(distribution.Cdf, probability, low, high);
    }
}
