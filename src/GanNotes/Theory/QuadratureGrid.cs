namespace GanNotes.Theory;

/// <summary>
/// The range [A, B] and the even number of intervals on which V(D, G), C(G), KL and JSD are integrated
/// with Simpson's rule, and on which densities are checked to integrate to 1.
/// </summary>
/// <remarks>
/// A density on the whole real line is integrated over a finite range that holds all but its tails;
/// <see cref="Covering(IDistribution1D[])"/> builds one that covers each Gaussian bump to 10 of its
/// standard deviations (tails below 1e-22) with 4096 intervals, divisible by 4 so that Simpson's error
/// estimate comes free.
/// </remarks>
public sealed class QuadratureGrid
{
    /// <summary>The default number of intervals, 4096.</summary>
    public const int DefaultIntervals = 4096;

    /// <summary>The default half-width of the covered range, in standard deviations of each bump: 10.</summary>
    public const double DefaultWidths = 10;

    /// <summary>The grid of <paramref name="n"/> equal intervals on [<paramref name="a"/>, <paramref name="b"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">a &gt;= b, a or b not finite, n &lt; 2 or n odd (Simpson's rule pairs intervals).</exception>
    public QuadratureGrid(double a, double b, int n = DefaultIntervals)
    {
        TheoryChecks.Range(a, b);
        TheoryChecks.Intervals(n, even: true);
        A = a;
        B = b;
        Intervals = n;
    }

    /// <summary>The lower end a.</summary>
    public double A { get; }

    /// <summary>The upper end b.</summary>
    public double B { get; }

    /// <summary>The number of intervals n (even).</summary>
    public int Intervals { get; }

    /// <summary>The step h = (b - a) / n.</summary>
    public double Step => (B - A) / Intervals;

    /// <summary>The n + 1 nodes x_i = a + i h (for plotting a density, D or D* on the same grid).</summary>
    public double[] Points()
    {
        var x = new double[Intervals + 1];
        for (int i = 0; i <= Intervals; i++)
        {
            x[i] = i == Intervals ? B : A + i * Step;
        }
        return x;
    }

    /// <summary>The smallest range that covers every distribution's <see cref="IDistribution1D.CoveringRange"/> to 10 widths, with 4096 intervals.</summary>
    /// <exception cref="ArgumentException">No distribution is given.</exception>
    public static QuadratureGrid Covering(params IDistribution1D[] distributions) =>
        Covering(distributions, DefaultIntervals, DefaultWidths);

    /// <summary>The smallest range that covers every distribution's <see cref="IDistribution1D.CoveringRange"/> to <paramref name="widths"/>, with <paramref name="n"/> intervals.</summary>
    /// <exception cref="ArgumentException">No distribution is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 2 or odd, or widths not positive.</exception>
    public static QuadratureGrid Covering(IReadOnlyList<IDistribution1D> distributions, int n, double widths)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        if (distributions.Count == 0)
        {
            throw new ArgumentException("Invalid distributions: none given; a grid must cover at least one.", nameof(distributions));
        }
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (var p in distributions)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(distributions));
            var (pLow, pHigh) = p.CoveringRange(widths);
            low = Math.Min(low, pLow);
            high = Math.Max(high, pHigh);
        }
        return new QuadratureGrid(low, high, n);
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{TheoryChecks.Format(A)}, {TheoryChecks.Format(B)}] in {Intervals} intervals";
}
