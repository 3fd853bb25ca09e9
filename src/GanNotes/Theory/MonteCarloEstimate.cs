namespace GanNotes.Theory;

/// <summary>A Monte Carlo estimate and its standard error.</summary>
/// <param name="Value">The estimate: the sum of two sample means (see <see cref="ValueFunction.MonteCarlo(ReadOnlySpan{double}, ReadOnlySpan{double}, Func{double, double})"/>).</param>
/// <param name="StandardError">sqrt(s_1^2 / m_1 + s_2^2 / m_2) from the two sample variances (n - 1 denominators); about 68% of seeds land within one of the exact value, 99.7% within three.</param>
/// <param name="DataCount">m_1, the number of real samples x ~ p_data.</param>
/// <param name="GeneratedCount">m_2, the number of generated samples G(z).</param>
public sealed record MonteCarloEstimate(double Value, double StandardError, int DataCount, int GeneratedCount)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TheoryChecks.Short(Value)} ± {TheoryChecks.Short(StandardError)} (m = {DataCount} + {GeneratedCount})";
}
