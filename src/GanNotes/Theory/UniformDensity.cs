using GanNotes.Tensors;

namespace GanNotes.Theory;

/// <summary>
/// The uniform distribution U(a, b): p(x) = 1 / (b - a) on [a, b], 0 elsewhere; F(x) = (x - a) / (b - a)
/// clipped to [0, 1]; mean (a + b) / 2; variance (b - a)^2 / 12. The noise prior p_z of the paper's Fig. 1.
/// </summary>
/// <remarks>
/// Its density jumps at a and b, so quadrature over a wider range loses accuracy there (an O(h) error);
/// integrate it on a grid with a and b as nodes, or use it as a sampler and for its quantile.
/// </remarks>
public sealed class UniformDensity : IDistribution1D
{
    /// <summary>Creates U(<paramref name="a"/>, <paramref name="b"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">a or b is not finite, or a &gt;= b.</exception>
    public UniformDensity(double a = 0, double b = 1)
    {
        TheoryChecks.Range(a, b);
        A = a;
        B = b;
    }

    /// <summary>The lower end a.</summary>
    public double A { get; }

    /// <summary>The upper end b.</summary>
    public double B { get; }

    /// <inheritdoc/>
    public double Mean => 0.5 * (A + B);

    /// <inheritdoc/>
    public double Variance => (B - A) * (B - A) / 12;

    /// <inheritdoc/>
    public double Pdf(double x) => x >= A && x <= B ? 1 / (B - A) : 0;

    /// <inheritdoc/>
    public double Cdf(double x) => Math.Clamp((x - A) / (B - A), 0, 1);

    /// <inheritdoc/>
    public double Quantile(double probability) =>
        A + TheoryChecks.Probability(probability, nameof(probability)) * (B - A);

    /// <inheritdoc/>
    public double[] Sample(int n, Rng rng) => IidSamples.Draw(n, rng, r => A + (B - A) * r.NextDouble());

    /// <summary>[a, b] itself: the support is bounded, so <paramref name="widths"/> is not used.</summary>
    public (double Low, double High) CoveringRange(double widths) => (A, B);

    /// <inheritdoc/>
    public override string ToString() => $"U({TheoryChecks.Format(A)}, {TheoryChecks.Format(B)})";
}
