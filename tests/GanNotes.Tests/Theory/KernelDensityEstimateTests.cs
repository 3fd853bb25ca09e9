using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>The Gaussian kernel density estimate: Silverman's bandwidth by hand, normalisation, exact moments, bad input.</summary>
public sealed class KernelDensityEstimateTests
{
    [Fact]
    public void SilvermanBandwidth_OneToTen_StdBranchMatchesHandComputation()
    {
        // mean 5.5, sum of squared deviations 82.5, s = sqrt(82.5 / 9) = 3.028; Q1 = 3.25, Q3 = 7.75,
        // IQR / 1.34 = 3.358 > s, so h = 0.9 s 10^(-1/5).
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(0.9 * Math.Sqrt(82.5 / 9) * Math.Pow(10, -0.2), KernelDensityEstimate.SilvermanBandwidth(x), 1e-15);
    }

    [Fact]
    public void SilvermanBandwidth_Outlier_IqrBranchMatchesHandComputation()
    {
        // s = 43.6 (the outlier); Q1 = 2, Q3 = 4 (type-7 positions 1 and 3 of 0..4), so h = 0.9 (2 / 1.34) 5^(-1/5).
        double[] x = [4, 100, 1, 3, 2];

        Assert.Equal(0.9 * (2 / 1.34) * Math.Pow(5, -0.2), KernelDensityEstimate.SilvermanBandwidth(x), 1e-15);
    }

    [Fact]
    public void Constructor_WithoutBandwidth_UsesSilverman()
    {
        double[] x = [0.3, -1.2, 2.5, 0.9, 1.1, -0.4];

        Assert.Equal(KernelDensityEstimate.SilvermanBandwidth(x), new KernelDensityEstimate(x).Bandwidth);
    }

    [Fact]
    public void Pdf_SeededNormalSample_IntegratesToOneWithExactMoments()
    {
        var x = new NormalDensity(1, 2).Sample(500, new Rng(11));
        var p = new KernelDensityEstimate(x);
        var grid = QuadratureGrid.Covering(p);

        var mass = Quadrature.IntegrateDensity(p, grid);
        double mean = Quadrature.Simpson(t => t * p.Pdf(t), grid).Value;
        double second = Quadrature.Simpson(t => t * t * p.Pdf(t), grid).Value;

        Assert.Equal(1, mass.Value, 1e-10);
        Assert.Equal(1, p.Cdf(grid.B) - p.Cdf(grid.A), 1e-15);
        Assert.Equal(x.Average(), p.Mean, 1e-12);
        Assert.Equal(p.Mean, mean, 1e-9);
        Assert.Equal(p.Variance, second - mean * mean, 1e-8);
    }

    [Fact]
    public void Pdf_SingleSample_IsNormalAroundIt()
    {
        var p = new KernelDensityEstimate([2.0], bandwidth: 0.5);
        var q = new NormalDensity(2, 0.5);

        Assert.Equal(q.Pdf(2.7), p.Pdf(2.7), 1e-15);
        Assert.Equal(q.Cdf(2.7), p.Cdf(2.7), 1e-15);
        Assert.Equal(q.LogPdf(40), p.LogPdf(40), 1e-9);
        Assert.Equal(0.25, p.Variance, 1e-15);
    }

    [Fact]
    public void Quantile_Estimate_InvertsCdf()
    {
        var p = new KernelDensityEstimate([-1.0, 0.0, 4.0], bandwidth: 0.7);

        Assert.Equal(0.3, p.Cdf(p.Quantile(0.3)), 1e-12);
    }

    [Fact]
    public void Sample_SameSeed_SameValues()
    {
        var p = new KernelDensityEstimate([-1.0, 0.0, 4.0], bandwidth: 0.7);

        Assert.Equal(p.Sample(50, new Rng(5)), p.Sample(50, new Rng(5)));
    }

    [Fact]
    public void Constructor_EmptySample_ThrowsNamingCount()
    {
        var e1 = Assert.Throws<ArgumentException>(() => new KernelDensityEstimate([]));
        var e2 = Assert.Throws<ArgumentException>(() => new KernelDensityEstimate([], 1.0));

        Assert.Equal("samples", e1.ParamName);
        Assert.Contains("empty (0 values)", e1.Message, StringComparison.Ordinal);
        Assert.Equal("samples", e2.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_BadBandwidth_ThrowsNamingValue(double bandwidth)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new KernelDensityEstimate([1.0, 2.0], bandwidth));

        Assert.Equal("bandwidth", e.ParamName);
        Assert.Contains($"Invalid bandwidth: {bandwidth:R}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SilvermanBandwidth_AllValuesEqual_ThrowsAskingForBandwidth()
    {
        var e = Assert.Throws<ArgumentException>(() => new KernelDensityEstimate([3.0, 3.0, 3.0]));

        Assert.Contains("all equal to 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("explicit bandwidth", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NaNSample_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new KernelDensityEstimate([1.0, double.NaN], 1.0));

        Assert.Contains("samples[1]: NaN", e.Message, StringComparison.Ordinal);
    }
}
