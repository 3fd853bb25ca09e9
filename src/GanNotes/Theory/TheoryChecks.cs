using System.Globalization;

namespace GanNotes.Theory;

/// <summary>Argument checks shared by the theory types; each message names the offending value.</summary>
internal static class TheoryChecks
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Six significant digits, for computed values such as a mass (1.99999999999997 reads as 2).</summary>
    public static string Short(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static double Finite(double value, string name) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Invalid {name}: {Format(value)}; it must be finite.");

    public static double PositiveStd(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Invalid {name}: {Format(value)}; a standard deviation must be positive and finite.");

    public static double Probability(double value, string name) =>
        value > 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Invalid {name}: {Format(value)}; it must lie strictly between 0 and 1.");

    /// <summary>Checks a &lt; b, both finite.</summary>
    public static void Range(double a, double b)
    {
        Finite(a, nameof(a));
        Finite(b, nameof(b));
        if (a >= b)
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, $"Invalid range: a = {Format(a)} is not below b = {Format(b)}; integrate over a < b.");
        }
    }

    /// <summary>Checks n &gt;= 2 (and even when <paramref name="even"/>).</summary>
    public static void Intervals(int n, bool even)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Invalid n: {n}; use at least 2 intervals.");
        }
        if (even && n % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Invalid n: {n}; Simpson's rule pairs intervals, so n must be even.");
        }
    }

    /// <summary>A value of D(x), which must be a probability: NaN or outside [0, 1] is a bug in D, not something to clamp.</summary>
    public static double Discriminator(double d, double x, string name)
    {
        if (!(d >= 0 && d <= 1))
        {
            throw new ArgumentException($"Invalid {name}({Format(x)}) = {Format(d)}; a discriminator's output is a probability in [0, 1].", name);
        }
        return d;
    }

    public static void Count(int n, int minimum, string name)
    {
        if (n < minimum)
        {
            throw new ArgumentOutOfRangeException(name, n, $"Invalid {name}: {n}; it must be at least {minimum}.");
        }
    }

    /// <summary>Copies the sample, naming the first value that is not finite.</summary>
    public static double[] FiniteSample(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Invalid {name}[{i}]: {Format(values[i])}; every sample must be finite.", name);
            }
        }
        return values.ToArray();
    }
}
