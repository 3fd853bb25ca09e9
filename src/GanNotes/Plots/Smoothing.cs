namespace GanNotes.Plots;

/// <summary>Smoothing of noisy per-step curves (losses, D's outputs) before they are drawn.</summary>
public static class Smoothing
{
    /// <summary>
    /// The trailing moving average: element i is the mean of the last <paramref name="window"/>
    /// values up to i (fewer at the start), so the curve starts where the data does.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    public static double[] MovingAverage(IEnumerable<double> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var v = values as double[] ?? [.. values];
        var result = new double[v.Length];
        double sum = 0;
        for (int i = 0; i < v.Length; i++)
        {
            sum += v[i];
            if (i >= window)
            {
                sum -= v[i - window];
            }
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }

    /// <inheritdoc cref="MovingAverage(IEnumerable{double}, int)"/>
    public static double[] MovingAverage(IEnumerable<float> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        return MovingAverage(values.Select(v => (double)v), window);
    }
}
