using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>
/// KL and JSD by quadrature against closed forms and the bounds of Section 4.1. Quadrature of smooth
/// Gaussians on the default grid (4096 intervals, 10 sigmas) is accurate to ~1e-10, so closed forms are
/// checked to 1e-8 and the JSD bounds with a 1e-12 allowance for rounding.
/// </summary>
public sealed class DivergenceTests
{
    [Theory]
    [InlineData(0.0, 1.0, 0.0, 1.0)]
    [InlineData(0.0, 1.0, 1.0, 1.0)]
    [InlineData(-1.0, 0.5, 2.0, 2.0)]
    [InlineData(3.0, 2.0, 0.0, 0.3)]
    public void KullbackLeibler_Gaussians_MatchesClosedForm(double m1, double s1, double m2, double s2)
    {
        var p = new NormalDensity(m1, s1);
        var q = new NormalDensity(m2, s2);
        double closedForm = Math.Log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5;

        var kl = Divergence.KullbackLeibler(p, q, QuadratureGrid.Covering(p, q));

        Assert.Equal(closedForm, kl.Value, 1e-8);
        Assert.Equal(closedForm, p.KullbackLeiblerTo(q), 1e-14);
        Assert.InRange(kl.ErrorEstimate, 0, 1e-8);
    }

    [Fact]
    public void KullbackLeibler_WideAgainstNarrowGaussian_FiniteDespiteUnderflow()
    {
        // At x = 50 the N(0, 1) density underflows to 0 while N(0, 5^2) is still 1e-12 of its peak:
        // the log-densities keep KL finite and right.
        var p = new NormalDensity(0, 5);
        var q = new NormalDensity(0, 1);

        var kl = Divergence.KullbackLeibler(p, q, QuadratureGrid.Covering(p, q));

        Assert.Equal(Math.Log(1.0 / 5) + 25.0 / 2 - 0.5, kl.Value, 1e-7);
    }

    [Fact]
    public void KullbackLeibler_QZeroWherePPositive_IsInfinite()
    {
        var p = new NormalDensity(0, 1);
        var q = new FunctionDensity(x => Math.Max(0, 1 - Math.Abs(x - 1)), "triangle on [0, 2]");

        var kl = Divergence.KullbackLeibler(p, q, new QuadratureGrid(-10, 10, 4000));

        Assert.Equal(double.PositiveInfinity, kl.Value);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(2.5, 0.3)]
    public void JensenShannon_SameDensity_IsZero(double mean, double std)
    {
        var p = new NormalDensity(mean, std);

        var jsd = Divergence.JensenShannon(p, p, QuadratureGrid.Covering(p));

        Assert.Equal(0, jsd.Value);
    }

    [Fact]
    public void JensenShannon_SameMixture_IsZero()
    {
        var p = new NormalMixtureDensity([0.3, 0.7], [-2, 2], [0.5, 1]);
        var same = new NormalMixtureDensity([0.3, 0.7], [-2, 2], [0.5, 1]);

        Assert.Equal(0, Divergence.JensenShannon(p, same, QuadratureGrid.Covering(p)).Value, 1e-15);
    }

    [Fact]
    public void JensenShannon_RandomGaussianPairs_BetweenZeroAndLog2AndSymmetric()
    {
        var generator = new Rng(2014);
        for (int trial = 0; trial < 200; trial++)
        {
            var p = new NormalDensity(-5 + 10 * generator.NextDouble(), 0.2 + 2.8 * generator.NextDouble());
            var q = new NormalDensity(-5 + 10 * generator.NextDouble(), 0.2 + 2.8 * generator.NextDouble());
            var grid = QuadratureGrid.Covering(p, q);

            double jsd = Divergence.JensenShannon(p, q, grid).Value;

            Assert.InRange(jsd, -1e-12, Math.Log(2) + 1e-12);
            Assert.Equal(jsd, Divergence.JensenShannon(q, p, grid).Value, 1e-14);
        }
    }

    [Fact]
    public void JensenShannon_FarApartGaussians_ApproachesLog2()
    {
        var p = new NormalDensity(-20, 1);
        var q = new NormalDensity(20, 1);

        Assert.Equal(Math.Log(2), Divergence.JensenShannon(p, q, QuadratureGrid.Covering(p, q)).Value, 1e-10);
    }

    [Fact]
    public void JensenShannon_Gaussians_EqualsHalfKlToMidpointMixture()
    {
        // JSD = KL(p || m) / 2 + KL(q || m) / 2 with m = (p + q) / 2, here an exact mixture density.
        var p = new NormalDensity(0, 1);
        var q = new NormalDensity(1.5, 0.7);
        var m = new NormalMixtureDensity([0.5, 0.5], [0, 1.5], [1, 0.7]);
        var grid = QuadratureGrid.Covering(p, q);

        double expected = 0.5 * Divergence.KullbackLeibler(p, m, grid).Value + 0.5 * Divergence.KullbackLeibler(q, m, grid).Value;

        Assert.Equal(expected, Divergence.JensenShannon(p, q, grid).Value, 1e-12);
    }
}
