using GanNotes.Data;
using GanNotes.Evaluation;
using GanNotes.Tensors;

namespace GanNotes.Tests.Evaluation;

/// <summary>Modes hit and the share of high-quality samples on the 8-Gaussian ring.</summary>
public class RingCoverageTests
{
    private static readonly GaussianRing2D Ring = new();

    [Fact]
    public void Measure_SamplesOnEveryCentre_AllModesHitShareOne()
    {
        var samples = Points(Enumerable.Range(0, 40).Select(i => Ring.Centers[i % Ring.Modes]));

        var coverage = RingCoverage.Measure(Ring, samples);

        Assert.Equal(8, coverage.ModesHit);
        Assert.Equal(1.0, coverage.HighQualityShare);
        Assert.Equal(Enumerable.Repeat(5, 8), coverage.PerMode);
        Assert.Equal(40, coverage.Count);
    }

    [Fact]
    public void Measure_SamplesFromTwoModes_TwoModesHit()
    {
        // Within 2 std of modes 1 and 6, in random directions.
        var rng = new Rng(71);
        var samples = Points(Enumerable.Range(0, 60).Select(i =>
        {
            var (cx, cy) = Ring.Centers[i % 2 == 0 ? 1 : 6];
            double angle = 2 * Math.PI * rng.NextDouble(), radius = 2 * Ring.Std * rng.NextDouble();
            return (cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
        }));

        var coverage = RingCoverage.Measure(Ring, samples);

        Assert.Equal(2, coverage.ModesHit);
        Assert.Equal(1.0, coverage.HighQualityShare);
        Assert.Equal(new[] { 0, 30, 0, 0, 0, 0, 30, 0 }, coverage.PerMode);
    }

    [Fact]
    public void Measure_PointsFarFromEveryCentre_ShareZeroNoModes()
    {
        // The origin is a radius (2, i.e. 100 std) from every centre.
        var samples = Points([(0, 0), (100, 100), (-3, 0.5), (0, 0)]);

        var coverage = RingCoverage.Measure(Ring, samples);

        Assert.Equal(0, coverage.HighQualityShare);
        Assert.Equal(0, coverage.ModesHit);
        Assert.All(coverage.PerMode, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Measure_NonFiniteSamples_NeverCount()
    {
        var samples = Points([Ring.Centers[2], (double.NaN, double.NaN), (Ring.Centers[3].X, double.NaN), (double.PositiveInfinity, 0)]);

        var coverage = RingCoverage.Measure(Ring, samples);

        Assert.Equal(0.25, coverage.HighQualityShare);
        Assert.Equal(1, coverage.PerMode.Sum());
        Assert.Equal(1, coverage.PerMode[2]);
        Assert.Equal(4, coverage.Count);
    }

    [Theory]
    [InlineData(0.05, 2)]
    [InlineData(0.06, 1)]
    [InlineData(0.0, 2)]
    [InlineData(1.0, 0)]
    public void Measure_MinShare_ModeNeedsThatShareOfAllSamples(double minShare, int expectedModes)
    {
        // 100 samples: 90 on mode 0, 5 on mode 1, 5 far away. Mode 1 has exactly 5% of them.
        var samples = Points(Enumerable.Repeat(Ring.Centers[0], 90).Concat(Enumerable.Repeat(Ring.Centers[1], 5)).Concat(Enumerable.Repeat((0.0, 0.0), 5)));

        var coverage = RingCoverage.Measure(Ring, samples, minShare: minShare);

        Assert.Equal(expectedModes, coverage.ModesHit);
    }

    [Theory]
    [InlineData(3.0, 1.0)]
    [InlineData(2.0, 0.0)]
    public void Measure_Sigmas_SetsTheHighQualityRadius(double sigmas, double expectedShare)
    {
        var (cx, cy) = Ring.Centers[5];
        var samples = Points([(cx + 2.5 * Ring.Std, cy)]);

        var coverage = RingCoverage.Measure(Ring, samples, sigmas: sigmas);

        Assert.Equal(expectedShare, coverage.HighQualityShare);
        Assert.Equal(sigmas, coverage.Sigmas);
    }

    [Theory]
    [InlineData(new[] { 5, 3 })]
    [InlineData(new[] { 0, 2 })]
    [InlineData(new[] { 10 })]
    [InlineData(new[] { 2, 2, 2 })]
    public void Measure_SamplesNotNByTwo_ThrowsNamingShape(int[] shape)
    {
        var ex = Assert.Throws<ArgumentException>(() => RingCoverage.Measure(Ring, Tensor.Zeros(shape)));

        Assert.Equal("samples", ex.ParamName);
        Assert.Contains($"[{string.Join(", ", shape)}]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 0.01, "sigmas")]
    [InlineData(double.NaN, 0.01, "sigmas")]
    [InlineData(double.PositiveInfinity, 0.01, "sigmas")]
    [InlineData(3.0, -0.1, "minShare")]
    [InlineData(3.0, 1.5, "minShare")]
    [InlineData(3.0, double.NaN, "minShare")]
    public void Measure_InvalidThreshold_Throws(double sigmas, double minShare, string paramName)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RingCoverage.Measure(Ring, Points([Ring.Centers[0]]), sigmas, minShare));
        Assert.Equal(paramName, ex.ParamName);
    }

    private static Tensor Points(IEnumerable<(double X, double Y)> points)
    {
        var list = points.ToList();
        return Tensor.FromArray([.. list.SelectMany(p => new[] { (float)p.X, (float)p.Y })], list.Count, 2);
    }
}
