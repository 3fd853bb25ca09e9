using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>
/// Simpson and trapezoid on integrals with known values: the true error stays below the rigorous
/// bound (b - a) h^4 max|f''''| / 180 (resp. h^2 max|f''| / 12), and Richardson's estimate is within a
/// factor 2 of the true error (it is asymptotically exact on smooth integrands).
/// </summary>
public sealed class QuadratureTests
{
    private static void AssertEstimateTracksError(QuadratureResult result, double exact)
    {
        double error = Math.Abs(result.Value - exact);
        Assert.InRange(result.ErrorEstimate, error / 2, error * 2);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(10)] // n/2 odd: the estimate comes from the refined grid
    public void Simpson_SinOnZeroToPi_ErrorWithinBoundAndEstimate(int n)
    {
        var result = Quadrature.Simpson(Math.Sin, 0, Math.PI, n);

        Assert.InRange(Math.Abs(result.Value - 2), 0, Quadrature.SimpsonErrorBound(0, Math.PI, n, maxAbsFourthDerivative: 1));
        AssertEstimateTracksError(result, 2);
        Assert.Equal(n, result.Intervals);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)] // odd: the estimate comes from the refined grid
    [InlineData(100)]
    public void Trapezoid_SinOnZeroToPi_ErrorWithinBoundAndEstimate(int n)
    {
        var result = Quadrature.Trapezoid(Math.Sin, 0, Math.PI, n);

        Assert.InRange(Math.Abs(result.Value - 2), 0, Quadrature.TrapezoidErrorBound(0, Math.PI, n, maxAbsSecondDerivative: 1));
        AssertEstimateTracksError(result, 2);
    }

    [Fact]
    public void Simpson_QuarticOnUnitInterval_ErrorEqualsBoundAndEstimate()
    {
        // f'''' = 24 everywhere, so Simpson's error is exactly (b - a) h^4 24 / 180 = 2 h^4 / 15, and
        // Richardson's estimate is exact too.
        const int N = 8;
        double h = 1.0 / N;

        var result = Quadrature.Simpson(x => Math.Pow(x, 4), 0, 1, N);

        Assert.Equal(0.2 + 2 * Math.Pow(h, 4) / 15, result.Value, 1e-15);
        Assert.Equal(Quadrature.SimpsonErrorBound(0, 1, N, 24), result.Value - 0.2, 1e-15);
        Assert.Equal(result.Value - 0.2, result.ErrorEstimate, 1e-15);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void Simpson_Cubic_ExactWithZeroEstimate(int n)
    {
        // integral of x^3 - 2x^2 + x - 5 over [-1, 3] = x^4/4 - 2x^3/3 + x^2/2 - 5x from -1 to 3.
        static double F(double x) => x * x * x * x / 4 - 2 * x * x * x / 3 + x * x / 2 - 5 * x;

        var result = Quadrature.Simpson(x => x * x * x - 2 * x * x + x - 5, -1, 3, n);

        Assert.Equal(F(3) - F(-1), result.Value, 1e-12);
        Assert.Equal(0, result.ErrorEstimate, 1e-12);
    }

    [Fact]
    public void Simpson_StandardGaussianOverTenSigmas_IsOneWithinBound()
    {
        // max |phi''''| = phi''''(0) = 3 / sqrt(2 pi); the tails beyond 10 sigma hold 1.5e-23.
        var p = new NormalDensity();
        const int N = 400;

        var result = Quadrature.Simpson(p.Pdf, -10, 10, N);

        Assert.InRange(Math.Abs(result.Value - 1), 0, Quadrature.SimpsonErrorBound(-10, 10, N, 3 / Math.Sqrt(2 * Math.PI)));
        Assert.Equal(1, result.Value, 1e-12);
        Assert.InRange(result.ErrorEstimate, 0, 1e-12);
    }

    [Fact]
    public void IntegrateDensity_MixtureOnCoveringGrid_MassOneAndTailNegligible()
    {
        var p = new NormalMixtureDensity([0.3, 0.7], [-2, 3], [0.5, 1.5]);
        var grid = QuadratureGrid.Covering(p);

        var mass = Quadrature.IntegrateDensity(p, grid);

        Assert.Equal(1, mass.Value, 1e-12);
        Assert.InRange(Quadrature.TailMass(p, grid), 0, 1e-20);
        Assert.Equal(3 - 10 * 1.5, grid.A); // the wide component reaches further left than the narrow one
        Assert.Equal(3 + 10 * 1.5, grid.B);
    }

    [Fact]
    public void Points_Grid_EndsExactlyOnRange()
    {
        var grid = new QuadratureGrid(-1, 2, 6);

        Assert.Equal([-1, -0.5, 0, 0.5, 1, 1.5, 2], grid.Points());
        Assert.Equal(0.5, grid.Step);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Simpson_OddIntervals_ThrowsNamingN(int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quadrature.Simpson(Math.Sin, 0, 1, n));

        Assert.Equal("n", e.ParamName);
        Assert.Contains($"Invalid n: {n}", e.Message, StringComparison.Ordinal);
        Assert.Contains("even", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-4)]
    public void Trapezoid_FewerThanTwoIntervals_ThrowsNamingN(int n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quadrature.Trapezoid(Math.Sin, 0, 1, n));

        Assert.Equal("n", e.ParamName);
        Assert.Contains($"Invalid n: {n}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 1.0)]
    public void Simpson_EmptyOrReversedRange_ThrowsNamingBothEnds(double a, double b)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Quadrature.Simpson(Math.Sin, a, b, 4));

        Assert.Contains($"a = {a:R} is not below b = {b:R}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simpson_IntegrandNaN_ThrowsNamingX()
    {
        var e = Assert.Throws<ArgumentException>(() => Quadrature.Simpson(x => x == 0.5 ? double.NaN : x, 0, 1, 4));

        Assert.Contains("f(0.5) = NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuadratureGrid_OddIntervals_ThrowsNamingN()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new QuadratureGrid(0, 1, 5));

        Assert.Equal("n", e.ParamName);
    }
}
