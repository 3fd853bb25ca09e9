using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>
/// Wherever a probability density is required (V, D*, C(G), KL, JSD), one that does not integrate to 1
/// within 1e-3 on the grid throws, naming the argument and its mass.
/// </summary>
public sealed class DensityValidationTests
{
    private static readonly NormalDensity Good = new(0, 1);
    private static readonly FunctionDensity Doubled = new(x => 2 * Good.Pdf(x), "2 N(0, 1)");
    private static readonly QuadratureGrid Grid = new(-10, 10, 4000);

    private static void AssertNamesMassOfTwo(ArgumentException e, string parameter)
    {
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains($"Invalid {parameter}: it integrates to 2 over [-10, 10] in 4000 intervals, not 1 (tolerance 0.001)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integrate_NonNormalisedData_ThrowsNamingPData() =>
        AssertNamesMassOfTwo(Assert.Throws<ArgumentException>(() => ValueFunction.Integrate(Doubled, Good, _ => 0.5, Grid)), "pData");

    [Fact]
    public void Integrate_NonNormalisedGenerator_ThrowsNamingPG() =>
        AssertNamesMassOfTwo(Assert.Throws<ArgumentException>(() => ValueFunction.Integrate(Good, Doubled, _ => 0.5, Grid)), "pG");

    [Fact]
    public void OptimalDiscriminator_NonNormalised_ThrowsNamingPG() =>
        AssertNamesMassOfTwo(Assert.Throws<ArgumentException>(() => new OptimalDiscriminator(Good, Doubled, Grid)), "pG");

    [Fact]
    public void TrainingCriterion_NonNormalised_ThrowsNamingPData() =>
        AssertNamesMassOfTwo(Assert.Throws<ArgumentException>(() => TrainingCriterion.Evaluate(Doubled, Good, Grid)), "pData");

    [Fact]
    public void KullbackLeibler_NonNormalised_ThrowsNamingQ() =>
        AssertNamesMassOfTwo(Assert.Throws<ArgumentException>(() => Divergence.KullbackLeibler(Good, Doubled, Grid)), "q");

    [Fact]
    public void JensenShannon_NonNormalised_ThrowsNamingP() =>
        AssertNamesMassOfTwo(Assert.Throws<ArgumentException>(() => Divergence.JensenShannon(Doubled, Good, Grid)), "p");

    [Fact]
    public void RequireNormalized_WithinTolerance_ReturnsMass()
    {
        var slightlyOff = new FunctionDensity(x => 1.0005 * Good.Pdf(x));

        Assert.Equal(1.0005, DensityValidation.RequireNormalized(slightlyOff, Grid, "p"), 1e-9);
    }

    [Fact]
    public void RequireNormalized_JustOutsideTolerance_Throws()
    {
        var off = new FunctionDensity(x => 1.002 * Good.Pdf(x));

        var e = Assert.Throws<ArgumentException>(() => DensityValidation.RequireNormalized(off, Grid, "p"));

        Assert.Contains("integrates to 1.002", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireNormalized_GridMissingHalfTheMass_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Divergence.JensenShannon(Good, Good, new QuadratureGrid(0, 10, 1000)));

        Assert.Contains("integrates to 0.5 over [0, 10]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireNormalized_NegativeDensity_ThrowsNamingX()
    {
        var negative = new FunctionDensity(x => x < 0 ? -Good.Pdf(x) : 2 * Good.Pdf(x));

        var e = Assert.Throws<ArgumentException>(() => TrainingCriterion.Evaluate(Good, negative, Grid));

        Assert.Equal("pG", e.ParamName);
        Assert.Contains("pG(-10) = -", e.Message, StringComparison.Ordinal);
    }
}
