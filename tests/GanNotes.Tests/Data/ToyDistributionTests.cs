using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Tests.Data;

/// <summary>
/// The toy p_data samplers: moments within statistical bounds (5 standard errors, so a
/// correct sampler fails with probability below 1e-6 per check), exact densities that
/// integrate to 1, determinism and parameter checks.
/// </summary>
public sealed class ToyDistributionTests
{
    private const int N = 200_000;

    /// <summary>Asserts the sample mean and variance of <paramref name="x"/> match within 5 standard errors.</summary>
    private static void AssertMoments(double[] x, double mean, double variance)
    {
        double m = x.Average();
        double v = x.Sum(t => (t - m) * (t - m)) / (x.Length - 1);
        double m4 = x.Sum(t => Math.Pow(t - m, 4)) / x.Length;
        Assert.InRange(m, mean - 5 * Math.Sqrt(variance / x.Length), mean + 5 * Math.Sqrt(variance / x.Length));
        // Var(sample variance) ~ (mu4 - sigma^4) / n.
        double se = Math.Sqrt(Math.Max(m4 - variance * variance, 0) / x.Length);
        Assert.InRange(v, variance - 5 * se, variance + 5 * se);
    }

    private static double[] Column(Tensor samples, int column)
    {
        int d = samples.Size(1);
        var values = samples.ToArray();
        return [.. Enumerable.Range(0, samples.Size(0)).Select(i => (double)values[i * d + column])];
    }

    /// <summary>The trapezoid rule of <paramref name="f"/> on [a, b] with <paramref name="steps"/> intervals.</summary>
    private static double Trapezoid(Func<double, double> f, double a, double b, int steps)
    {
        double h = (b - a) / steps;
        double sum = 0.5 * (f(a) + f(b));
        for (int i = 1; i < steps; i++)
        {
            sum += f(a + i * h);
        }
        return sum * h;
    }

    [Fact]
    public void Gaussian1D_Sample_MeanAndVarianceWithinBounds()
    {
        var p = new Gaussian1D(mean: 4, std: 1.25);

        var x = p.Sample(N, new Rng(1));

        Assert.Equal([N, 1], x.Shape);
        AssertMoments(Column(x, 0), 4, 1.25 * 1.25);
    }

    [Fact]
    public void Gaussian1D_Pdf_IntegratesToOneAndPeaksAtMean()
    {
        var p = new Gaussian1D(mean: -1, std: 0.5);

        Assert.Equal(1.0, Trapezoid(p.Pdf, -1 - 10 * 0.5, -1 + 10 * 0.5, 4000), 1e-9);
        Assert.Equal(1 / (0.5 * Math.Sqrt(2 * Math.PI)), p.Pdf(-1), 1e-15);
        Assert.Equal(p.Pdf(-1.3), p.Pdf(-0.7), 1e-15);
    }

    [Fact]
    public void Gaussian1D_SameSeed_SameSamples()
    {
        var p = new Gaussian1D(1, 2);

        Assert.Equal(p.Sample(100, new Rng(3)).ToArray(), p.Sample(100, new Rng(3)).ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Gaussian1D_InvalidStd_NamesValue(double std)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Gaussian1D(0, std));

        Assert.Contains($"Invalid std: {std.ToString(System.Globalization.CultureInfo.InvariantCulture)}; a standard deviation must be positive and finite.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GaussianMixture1D_Sample_MomentsAndComponentShares()
    {
        var p = new GaussianMixture1D([0.2, 0.5, 0.3], [-10, 0, 10], [0.5, 1, 0.25]);

        var x = Column(p.Sample(N, new Rng(2)), 0);

        AssertMoments(x, p.Mean, p.Variance);
        // The modes are at least 10 std apart, so the side of +-5 identifies the component.
        double shareLeft = x.Count(t => t < -5) / (double)N;
        double shareRight = x.Count(t => t > 5) / (double)N;
        Assert.InRange(shareLeft, 0.2 - 5 * Math.Sqrt(0.2 * 0.8 / N), 0.2 + 5 * Math.Sqrt(0.2 * 0.8 / N));
        Assert.InRange(shareRight, 0.3 - 5 * Math.Sqrt(0.3 * 0.7 / N), 0.3 + 5 * Math.Sqrt(0.3 * 0.7 / N));
    }

    [Fact]
    public void GaussianMixture1D_MeanAndVariance_ClosedForm()
    {
        var p = new GaussianMixture1D([0.5, 0.5], [-1, 1], [1, 1]);

        Assert.Equal(0, p.Mean, 1e-15);
        // E[x^2] = 0.5 (1 + 1) + 0.5 (1 + 1) = 2.
        Assert.Equal(2, p.Variance, 1e-15);
    }

    [Fact]
    public void GaussianMixture1D_Pdf_IntegratesToOneAndIsWeightedSum()
    {
        var p = new GaussianMixture1D([0.2, 0.5, 0.3], [-4, 0, 5], [0.5, 1, 0.25]);

        Assert.Equal(1.0, Trapezoid(p.Pdf, -12, 12, 20000), 1e-9);
        double expected = 0.2 * new Gaussian1D(-4, 0.5).Pdf(0.7) + 0.5 * new Gaussian1D(0, 1).Pdf(0.7) + 0.3 * new Gaussian1D(5, 0.25).Pdf(0.7);
        Assert.Equal(expected, p.Pdf(0.7), 1e-15);
    }

    [Fact]
    public void GaussianMixture1D_WeightsNotSummingToOne_NamesSum()
    {
        var e = Assert.Throws<ArgumentException>(() => new GaussianMixture1D([0.5, 0.4], [0, 1], [1, 1]));

        Assert.Contains("Invalid weights: they sum to 0.9, not 1 (tolerance 1E-06).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GaussianMixture1D_WeightsWithinTolerance_Accepted()
    {
        var p = new GaussianMixture1D([0.3333333, 0.3333333, 0.3333334 + 5e-7], [0, 1, 2], [1, 1, 1]);

        Assert.Equal(3, p.Weights.Count);
    }

    [Fact]
    public void GaussianMixture1D_NegativeWeight_NamesIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new GaussianMixture1D([1.5, -0.5], [0, 1], [1, 1]));

        Assert.Contains("Invalid weights[1]: -0.5; a weight must be non-negative and finite.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GaussianMixture1D_ZeroStd_NamesIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianMixture1D([0.5, 0.5], [0, 1], [1, 0]));

        Assert.Contains("Invalid stds[1]: 0; a standard deviation must be positive and finite.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GaussianMixture1D_LengthMismatch_NamesCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => new GaussianMixture1D([1], [0, 1], [1]));

        Assert.Contains("Invalid mixture: 1 weights, 2 means and 1 stds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GaussianRing2D_Centers_EightEvenlySpacedOnTheCircle()
    {
        var ring = new GaussianRing2D(radius: 2, std: 0.02);

        Assert.Equal(8, ring.Centers.Count);
        Assert.Equal(2, ring.Centers[0].X, 1e-12);
        Assert.Equal(0, ring.Centers[0].Y, 1e-12);
        Assert.Equal(Math.Sqrt(2), ring.Centers[1].X, 1e-12);
        Assert.Equal(Math.Sqrt(2), ring.Centers[1].Y, 1e-12);
        Assert.All(ring.Centers, c => Assert.Equal(2, Math.Sqrt(c.X * c.X + c.Y * c.Y), 1e-12));
    }

    [Fact]
    public void GaussianRing2D_Sample_MomentsAndEveryModeEquallyOften()
    {
        var ring = new GaussianRing2D(radius: 2, std: 0.05);

        var samples = ring.Sample(N, new Rng(4));
        var x = Column(samples, 0);
        var y = Column(samples, 1);

        Assert.Equal([N, 2], samples.Shape);
        AssertMoments(x, 0, 2.0 + 0.05 * 0.05);
        AssertMoments(y, 0, 2.0 + 0.05 * 0.05);
        var counts = new int[8];
        for (int i = 0; i < N; i++)
        {
            int nearest = Enumerable.Range(0, 8).MinBy(k => Math.Pow(x[i] - ring.Centers[k].X, 2) + Math.Pow(y[i] - ring.Centers[k].Y, 2));
            double distance = Math.Sqrt(Math.Pow(x[i] - ring.Centers[nearest].X, 2) + Math.Pow(y[i] - ring.Centers[nearest].Y, 2));
            Assert.True(distance < 6 * 0.05, $"sample {i} ({x[i]}, {y[i]}) is {distance} from its nearest centre");
            counts[nearest]++;
        }
        double se = Math.Sqrt(N * (1 / 8.0) * (7 / 8.0));
        Assert.All(counts, c => Assert.InRange(c, N / 8.0 - 5 * se, N / 8.0 + 5 * se));
    }

    [Fact]
    public void GaussianRing2D_Pdf_IntegratesToOne()
    {
        var ring = new GaussianRing2D(radius: 2, std: 0.3);

        double integral = Trapezoid(x => Trapezoid(y => ring.Pdf(x, y), -4.5, 4.5, 300), -4.5, 4.5, 300);

        Assert.Equal(1.0, integral, 1e-6);
    }

    [Fact]
    public void GaussianRing2D_InvalidParameters_NameValue()
    {
        Assert.Contains("Invalid std: -0.1", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianRing2D(2, -0.1)).Message, StringComparison.Ordinal);
        Assert.Contains("Invalid radius: -2", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianRing2D(-2)).Message, StringComparison.Ordinal);
        Assert.Contains("Invalid modes: 0", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianRing2D(modes: 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Gaussian1D().Sample(-1));
    }

    [Fact]
    public void Sample_Zero_EmptyTensorOfRightWidth()
    {
        Assert.Equal([0, 2], new GaussianRing2D().Sample(0, new Rng(1)).Shape);
    }
}
