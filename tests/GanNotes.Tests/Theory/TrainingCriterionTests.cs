using GanNotes.Tensors;
using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>
/// Theorem 1 of Goodfellow et al. 2014: C(G) = -log 4 + 2 JSD(p_data || p_g) (Eq. 6), through Eq. 5,
/// with its minimum -log 4 at p_g = p_data. C(G) and JSD are computed independently (different
/// integrands), so agreement to 1e-6 checks both.
/// </summary>
public sealed class TrainingCriterionTests
{
    private static readonly NormalDensity PData = new(0, 1);

    public static TheoryData<IDistribution1D> Generators() =>
    [
        new NormalDensity(0, 1),
        new NormalDensity(1, 1),
        new NormalDensity(0, 2),
        new NormalDensity(-3, 0.5),
        new NormalDensity(8, 0.25),
        new NormalMixtureDensity([0.5, 0.5], [-2, 2], [0.5, 0.5]),
        new KernelDensityEstimate(new NormalDensity(0.5, 1.2).Sample(200, new Rng(3))),
    ];

    [Theory]
    [MemberData(nameof(Generators))]
    public void Evaluate_Gaussians_EqualsMinusLog4PlusTwoJsd(IDistribution1D pG)
    {
        var grid = QuadratureGrid.Covering(PData, pG);

        double c = TrainingCriterion.Evaluate(PData, pG, grid).Value;
        double jsd = Divergence.JensenShannon(PData, pG, grid).Value;

        Assert.Equal(TrainingCriterion.FromJensenShannon(jsd), c, 1e-6);
        Assert.Equal(-Math.Log(4) + 2 * jsd, c, 1e-6);
        Assert.True(c >= TrainingCriterion.Minimum - 1e-12, $"C(G) = {c} is below -log 4");
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Evaluate_Gaussians_EqualsEquation5(IDistribution1D pG)
    {
        // C(G) = -log 4 + KL(p_data || m) + KL(p_g || m), m = (p_data + p_g) / 2.
        var grid = QuadratureGrid.Covering(PData, pG);
        var m = new FunctionDensity(x => 0.5 * (PData.Pdf(x) + pG.Pdf(x)), "m");

        double eq5 = -Math.Log(4) + Divergence.KullbackLeibler(PData, m, grid).Value + Divergence.KullbackLeibler(pG, m, grid).Value;

        Assert.Equal(eq5, TrainingCriterion.Evaluate(PData, pG, grid).Value, 1e-6);
    }

    [Fact]
    public void Evaluate_GeneratorEqualsData_IsMinusLog4()
    {
        var grid = QuadratureGrid.Covering(PData);

        Assert.Equal(-Math.Log(4), TrainingCriterion.Evaluate(PData, new NormalDensity(0, 1), grid).Value, 1e-12);
        Assert.Equal(-Math.Log(4), TrainingCriterion.Minimum);
    }

    [Fact]
    public void Evaluate_GeneratorMovingAway_Increases()
    {
        double previous = TrainingCriterion.Minimum;
        foreach (double shift in new[] { 0.5, 1.0, 2.0, 4.0 })
        {
            var pG = new NormalDensity(shift, 1);
            double c = TrainingCriterion.Evaluate(PData, pG, QuadratureGrid.Covering(PData, pG)).Value;

            Assert.True(c > previous, $"C(G) = {c} at shift {shift} is not above {previous}");
            previous = c;
        }
        Assert.True(previous < 0, "C(G) is at most 0 = -log 4 + 2 log 2");
    }
}
