namespace GanNotes.Evaluation;

/// <summary>
/// The Parzen window's log-likelihood of each test point, log p_sigma(x_j) for j = 1..m, at the
/// width chosen on the validation set (<see cref="ParzenWindow.TestLogLikelihoods"/>).
/// </summary>
public sealed class ParzenLogLikelihoods
{
    private readonly double[] values;

    /// <summary>Keeps the values (copied).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 values, or sigma not positive.</exception>
    public ParzenLogLikelihoods(double sigma, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException($"A Parzen estimate needs at least 2 test points, got {values.Count}.", nameof(values));
        }
        if (!(sigma > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"Invalid sigma: {sigma}; it must be positive.");
        }
        Sigma = sigma;
        this.values = [.. values];
    }

    /// <summary>The window's width.</summary>
    public double Sigma { get; }

    /// <summary>log p_sigma(x_j) in nats, in the order of the test points.</summary>
    public IReadOnlyList<double> Values => values;

    /// <summary>
    /// The mean over the m test points with its standard error, s / sqrt(m), where s is the
    /// sample standard deviation (divisor m - 1) of the values.
    /// </summary>
    public ParzenEstimate Estimate
    {
        get
        {
            var (mean, standardError) = PairedDifference.MeanAndStandardError(values);
            return new ParzenEstimate(mean, standardError, Sigma, values.Length);
        }
    }
}
