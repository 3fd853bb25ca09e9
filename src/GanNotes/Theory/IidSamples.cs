using GanNotes.Tensors;

namespace GanNotes.Theory;

/// <summary>n independent draws of a distribution, taken in order from one <see cref="Rng"/>.</summary>
internal static class IidSamples
{
    /// <summary><paramref name="n"/> values of <paramref name="draw"/>, each from <paramref name="rng"/> in turn (same seed, same samples).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static double[] Draw(int n, Rng rng, Func<Rng, double> draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentNullException.ThrowIfNull(rng);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = draw(rng);
        }
        return x;
    }
}
