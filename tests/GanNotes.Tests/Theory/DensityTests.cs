using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>
/// The exact 1-D distributions: distribution functions against reference values (SciPy/Python's
/// math.erfc, 15+ digits), log-densities that survive underflow, moments, quantiles and seeded samplers.
/// </summary>
public sealed class DensityTests
{
    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(0.9999, 0.15734072195124052)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.4999, 4.071699003334514e-4)]
    [InlineData(2.5, 4.0695201744495894e-4)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(6.0, 2.1519736712498916e-17)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_KnownValues_MatchToRelative1e14(double x, double expected)
    {
        Assert.Equal(1, SpecialFunctions.Erfc(x) / expected, 1e-14);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-3.0, 0.0013498980316300957)]
    public void Cdf_StandardNormal_MatchesPhi(double z, double expected)
    {
        Assert.Equal(expected, new NormalDensity().Cdf(z), 1e-15);
    }

    [Fact]
    public void Cdf_ShiftedNormal_IsPhiOfStandardisedX()
    {
        var p = new NormalDensity(mean: 2, std: 0.5);

        Assert.Equal(new NormalDensity().Cdf(-1.2), p.Cdf(2 - 0.6), 1e-15);
    }

    [Fact]
    public void LogPdf_FarTail_FiniteWherePdfUnderflows()
    {
        var p = new NormalDensity(0, 1);

        Assert.Equal(0, p.Pdf(40));
        Assert.Equal(-800 - 0.5 * Math.Log(2 * Math.PI), p.LogPdf(40), 1e-12);
    }

    [Fact]
    public void Quantile_Normal_InvertsCdf()
    {
        var p = new NormalDensity(1, 2);

        Assert.Equal(1 + 2 * 1.959963984540054, p.Quantile(0.975), 1e-9);
        foreach (double u in new[] { 1e-10, 0.1, 0.5, 0.9, 1 - 1e-10 })
        {
            Assert.Equal(u, p.Cdf(p.Quantile(u)), 1e-12);
        }
    }

    [Fact]
    public void KullbackLeiblerTo_ClosedForm_MatchesHandComputation()
    {
        // log(2/1) + (1 + 9) / (2 * 4) - 1/2
        Assert.Equal(Math.Log(2) + 10.0 / 8 - 0.5, new NormalDensity(0, 1).KullbackLeiblerTo(new NormalDensity(3, 2)), 1e-15);
    }

    [Fact]
    public void Mixture_PdfCdfMoments_MatchComponents()
    {
        var a = new NormalDensity(-1, 0.5);
        var b = new NormalDensity(2, 1.5);
        var p = new NormalMixtureDensity([0.25, 0.75], [-1, 2], [0.5, 1.5]);

        Assert.Equal(0.25 * a.Pdf(0.3) + 0.75 * b.Pdf(0.3), p.Pdf(0.3), 1e-15);
        Assert.Equal(Math.Log(p.Pdf(0.3)), p.LogPdf(0.3), 1e-14);
        Assert.Equal(0.25 * a.Cdf(0.3) + 0.75 * b.Cdf(0.3), p.Cdf(0.3), 1e-15);
        Assert.Equal(0.25 * -1 + 0.75 * 2, p.Mean, 1e-15);
        Assert.Equal(0.25 * (0.25 + 1) + 0.75 * (2.25 + 4) - 1.25 * 1.25, p.Variance, 1e-14);
        Assert.Equal(0.4, p.Cdf(p.Quantile(0.4)), 1e-12);
    }

    [Fact]
    public void Mixture_LogPdfFarTail_Finite()
    {
        var p = new NormalMixtureDensity([0.5, 0.5], [0, 1], [1, 1]);

        Assert.Equal(0, p.Pdf(-50));
        Assert.True(double.IsFinite(p.LogPdf(-50)));
        Assert.Equal(new NormalDensity(0, 1).LogPdf(-50) + Math.Log(0.5), p.LogPdf(-50), 1e-9);
    }

    [Fact]
    public void Sample_SameSeed_SameValuesAndMomentsWithinFiveStandardErrors()
    {
        const int N = 100_000;
        var p = new NormalMixtureDensity([0.4, 0.6], [-2, 1], [0.5, 1]);

        var x = p.Sample(N, new Rng(7));

        Assert.Equal(x, p.Sample(N, new Rng(7)));
        Assert.InRange(x.Average(), p.Mean - 5 * Math.Sqrt(p.Variance / N), p.Mean + 5 * Math.Sqrt(p.Variance / N));
    }

    [Fact]
    public void Uniform_PdfCdfMoments_Exact()
    {
        var p = new UniformDensity(-1, 3);

        Assert.Equal(0.25, p.Pdf(0));
        Assert.Equal(0, p.Pdf(3.5));
        Assert.Equal(double.NegativeInfinity, ((IDensity1D)p).LogPdf(3.5));
        Assert.Equal(0.375, p.Cdf(0.5));
        Assert.Equal(1, p.Mean);
        Assert.Equal(16.0 / 12, p.Variance, 1e-15);
        Assert.Equal(2, p.Quantile(0.75));
        Assert.All(p.Sample(1000, new Rng(1)), x => Assert.InRange(x, -1, 3));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NormalDensity_InvalidStd_ThrowsNamingValue(double std)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NormalDensity(0, std));

        Assert.Equal("std", e.ParamName);
        Assert.Contains($"Invalid std: {std:R}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixture_WeightsNotSummingToOne_ThrowsNamingSum()
    {
        var e = Assert.Throws<ArgumentException>(() => new NormalMixtureDensity([0.5, 0.4], [0, 1], [1, 1]));

        Assert.Equal("weights", e.ParamName);
        Assert.Contains("sum to 0.9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixture_WeightsWithinTolerance_Accepted()
    {
        var p = new NormalMixtureDensity([0.5, 0.5 + 5e-7], [0, 1], [1, 1]);

        Assert.Equal(2, p.Weights.Count);
    }

    [Fact]
    public void Mixture_NonPositiveStd_ThrowsNamingComponent()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NormalMixtureDensity([0.5, 0.5], [0, 1], [1, 0]));

        Assert.Equal("stds[1]", e.ParamName);
    }

    [Fact]
    public void Mixture_NegativeWeight_ThrowsNamingComponent()
    {
        var e = Assert.Throws<ArgumentException>(() => new NormalMixtureDensity([1.5, -0.5], [0, 1], [1, 1]));

        Assert.Contains("weights[1]: -0.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantile_ProbabilityOutsideOpenUnitInterval_ThrowsNamingValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NormalDensity().Quantile(1));

        Assert.Equal("probability", e.ParamName);
    }
}
