using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>
/// V(D, G) of Eq. 1 by quadrature and by Monte Carlo: the sample estimate lands within 3 standard errors
/// of the integral (seeded), its standard error is calibrated (about 68% of seeds within one), and the
/// log(0) clamp behaves as documented.
/// </summary>
public sealed class ValueFunctionTests
{
    private static readonly NormalDensity PData = new(0, 1);
    private static readonly NormalDensity PZ = new(0, 1);

    // G(z) = 1.5 + 0.7 z pushes N(0, 1) to p_g = N(1.5, 0.7^2).
    private static double G(double z) => 1.5 + 0.7 * z;

    private static readonly NormalDensity PG = new(1.5, 0.7);

    private static double D(double x) => 1 / (1 + Math.Exp(2 * (x - 0.75)));

    private static double Quadrature() =>
        ValueFunction.Integrate(PData, PG, D, QuadratureGrid.Covering(PData, PG)).Value;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void MonteCarlo_SeededSamples_WithinThreeStandardErrorsOfQuadrature(ulong seed)
    {
        var estimate = ValueFunction.MonteCarlo(PData, PZ, G, D, m: 20_000, new Rng(seed));

        Assert.InRange(estimate.Value, Quadrature() - 3 * estimate.StandardError, Quadrature() + 3 * estimate.StandardError);
        Assert.InRange(estimate.StandardError, 1e-4, 0.05);
        Assert.Equal(20_000, estimate.DataCount);
        Assert.Equal(20_000, estimate.GeneratedCount);
    }

    [Fact]
    public void MonteCarlo_ManySeeds_StandardErrorCalibrated()
    {
        // With a correct standard error, P(|estimate - V| <= SE) = 0.683; over 400 seeds the observed share
        // has a standard deviation of 0.023, so [0.58, 0.78] fails a correct estimator with probability < 1e-5.
        double v = Quadrature();
        int within = 0;
        const int Seeds = 400;
        for (ulong seed = 100; seed < 100 + Seeds; seed++)
        {
            var estimate = ValueFunction.MonteCarlo(PData, PZ, G, D, m: 1000, new Rng(seed));
            if (Math.Abs(estimate.Value - v) <= estimate.StandardError)
            {
                within++;
            }
        }

        Assert.InRange(within / (double)Seeds, 0.58, 0.78);
    }

    [Fact]
    public void MonteCarlo_Overloads_AgreeOnTheSameDraws()
    {
        var generator = new Rng(9);
        var x = PData.Sample(500, generator);
        var z = PZ.Sample(500, generator);

        var fromSampler = ValueFunction.MonteCarlo(PData, PZ, G, D, 500, new Rng(9));
        var fromNoise = ValueFunction.MonteCarlo(x, z, G, D);
        var fromSamples = ValueFunction.MonteCarlo(x, [.. z.Select(G)], D);

        Assert.Equal(fromSamples, fromNoise);
        Assert.Equal(fromSamples, fromSampler);
    }

    [Fact]
    public void MonteCarlo_HandComputedTerms_MatchValueAndStandardError()
    {
        double[] x = [0.0, 1.0];
        double[] xG = [2.0, 3.0, 4.0];
        static double Linear(double t) => t / 5 + 0.1;

        var estimate = ValueFunction.MonteCarlo(x, xG, Linear);

        double[] a = [Math.Log(0.1), Math.Log(0.3)];
        double[] b = [Math.Log(0.5), Math.Log(0.3), Math.Log(0.1)];
        static double Variance(double[] t) => t.Sum(u => (u - t.Average()) * (u - t.Average())) / (t.Length - 1);
        Assert.Equal(a.Average() + b.Average(), estimate.Value, 1e-14);
        Assert.Equal(Math.Sqrt(Variance(a) / 2 + Variance(b) / 3), estimate.StandardError, 1e-14);
    }

    [Fact]
    public void MonteCarlo_HalfEverywhere_IsMinusLog4WithZeroError()
    {
        var estimate = ValueFunction.MonteCarlo([1.0, 2.0, 3.0], [4.0, 5.0], _ => 0.5);

        Assert.Equal(-Math.Log(4), estimate.Value, 1e-15);
        Assert.Equal(0, estimate.StandardError);
    }

    [Fact]
    public void MonteCarloAndIntegrate_SaturatedDiscriminator_ClampedToEpsilon()
    {
        // D = 1 everywhere: log D(x) = log(1 - 1e-12), log(1 - D(G(z))) = log(1e-12), never -infinity.
        double expected = Math.Log(1 - ValueFunction.Epsilon) + Math.Log(ValueFunction.Epsilon);

        var estimate = ValueFunction.MonteCarlo([0.0, 1.0], [2.0, 3.0], _ => 1.0);
        double integral = ValueFunction.Integrate(PData, PG, _ => 1.0, QuadratureGrid.Covering(PData, PG)).Value;

        Assert.Equal(expected, estimate.Value, 1e-12);
        Assert.Equal(expected, integral, 1e-9);
    }

    [Fact]
    public void Integrate_DiscriminatorZeroWhereDataHasNoMass_FiniteByZeroLogZero()
    {
        // Triangles on [0, 2] and [3, 5]; D = 1 on the first, 0 on the second, so log D = log 0 only where
        // p_data = 0 (the term is 0, not 0 * -infinity = NaN) and both logs are log(1 - eps) where mass is.
        var pData = new FunctionDensity(x => Math.Max(0, 1 - Math.Abs(x - 1)), "triangle");
        var pG = new FunctionDensity(x => Math.Max(0, 1 - Math.Abs(x - 4)), "triangle(4)");

        var v = ValueFunction.Integrate(pData, pG, x => x < 2.5 ? 1.0 : 0.0, new QuadratureGrid(-1, 6, 700));

        Assert.Equal(2 * Math.Log(1 - ValueFunction.Epsilon), v.Value, 1e-9);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void MonteCarlo_DiscriminatorOutsideUnitInterval_ThrowsNamingXAndValue(double d)
    {
        var e = Assert.Throws<ArgumentException>(() => ValueFunction.MonteCarlo([0.0, 1.0], [2.0, 3.0], _ => d));

        Assert.Equal("D", e.ParamName);
        Assert.Contains($"D(0) = {d:R}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MonteCarlo_SingleSample_ThrowsNamingCount()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ValueFunction.MonteCarlo([0.0], [2.0, 3.0], _ => 0.5));

        Assert.Equal("x.Length", e.ParamName);
    }
}
