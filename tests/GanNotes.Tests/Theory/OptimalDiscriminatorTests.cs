using GanNotes.Theory;

namespace GanNotes.Tests.Theory;

/// <summary>
/// Proposition 1 of Goodfellow et al. 2014: D*(x) = p_data / (p_data + p_g) is 1/2 wherever the densities
/// are equal, and V(G, D*) = C(G) is the largest value any D reaches.
/// </summary>
public sealed class OptimalDiscriminatorTests
{
    [Fact]
    public void Evaluate_SameDensity_IsHalfEverywhere()
    {
        var p = new NormalMixtureDensity([0.4, 0.6], [-1, 2], [0.5, 1]);
        var grid = QuadratureGrid.Covering(p);

        var dStar = new OptimalDiscriminator(p, p, grid);

        Assert.All(dStar.EvaluateOnGrid(), d => Assert.Equal(0.5, d));
        Assert.Equal(0.5, dStar.Evaluate(1e6));
    }

    [Fact]
    public void Evaluate_CrossingOfEqualWidthGaussians_IsHalf()
    {
        var pData = new NormalDensity(0, 1);
        var pG = new NormalDensity(2, 1);

        var dStar = new OptimalDiscriminator(pData, pG, QuadratureGrid.Covering(pData, pG));

        Assert.Equal(0.5, dStar.Evaluate(1), 1e-15);
        Assert.True(dStar.Evaluate(0.9) > 0.5);
        Assert.True(dStar.Evaluate(1.1) < 0.5);
    }

    [Fact]
    public void Evaluate_CrossingOfDifferentWidthGaussians_IsHalf()
    {
        // N(0, 1) = N(0, 2^2) where exp(-x^2 / 2) = exp(-x^2 / 8) / 2, i.e. x^2 = 8 log 2 / 3.
        var pData = new NormalDensity(0, 1);
        var pG = new NormalDensity(0, 2);
        double crossing = Math.Sqrt(8 * Math.Log(2) / 3);

        var dStar = new OptimalDiscriminator(pData, pG, QuadratureGrid.Covering(pData, pG));

        Assert.Equal(0.5, dStar.Evaluate(crossing), 1e-14);
        Assert.Equal(0.5, dStar.Evaluate(-crossing), 1e-14);
        Assert.Equal(1 / (1 + 0.5), dStar.Evaluate(0), 1e-15); // p_data(0) = 2 p_g(0)
    }

    [Fact]
    public void Evaluate_BothDensitiesZero_IsHalfAndOneSidedIsZeroOrOne()
    {
        // Triangles on [0, 2] and [3, 5]: between and outside them both densities are 0.
        var pData = new FunctionDensity(x => Math.Max(0, 1 - Math.Abs(x - 1)), "triangle(1)");
        var pG = new FunctionDensity(x => Math.Max(0, 1 - Math.Abs(x - 4)), "triangle(4)");

        var dStar = new OptimalDiscriminator(pData, pG, new QuadratureGrid(-1, 6, 700));

        Assert.Equal(0.5, dStar.Evaluate(2.5));
        Assert.Equal(0.5, dStar.Evaluate(-1));
        Assert.Equal(1, dStar.Evaluate(1));
        Assert.Equal(0, dStar.Evaluate(4));
        Assert.Equal(0.5, OptimalDiscriminator.FromDensities(0, 0));
        Assert.Equal(0.75, OptimalDiscriminator.FromDensities(0.3, 0.1), 1e-15);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(-2.0, 0.5)]
    [InlineData(0.5, 3.0)]
    public void ValueAtOptimum_Gaussians_EqualsTrainingCriterion(double mean, double std)
    {
        var pData = new NormalDensity(0, 1);
        var pG = new NormalDensity(mean, std);
        var grid = QuadratureGrid.Covering(pData, pG);
        var dStar = new OptimalDiscriminator(pData, pG, grid);

        double v = ValueFunction.Integrate(pData, pG, dStar.Evaluate, grid).Value;

        Assert.Equal(TrainingCriterion.Evaluate(pData, pG, grid).Value, v, 1e-9);
    }

    [Fact]
    public void ValueAtOptimum_OtherDiscriminators_NeverHigher()
    {
        var pData = new NormalDensity(0, 1);
        var pG = new NormalDensity(1.5, 0.8);
        var grid = QuadratureGrid.Covering(pData, pG);
        var dStar = new OptimalDiscriminator(pData, pG, grid);
        double c = TrainingCriterion.Evaluate(pData, pG, grid).Value;
        Func<double, double>[] others =
        [
            _ => 0.5,
            x => 1 / (1 + Math.Exp(x - 0.75)),
            x => 0.9 * dStar.Evaluate(x) + 0.05,
            x => Math.Pow(dStar.Evaluate(x), 1.2),
        ];

        foreach (var D in others)
        {
            Assert.True(ValueFunction.Integrate(pData, pG, D, grid).Value < c);
        }
        Assert.Equal(-Math.Log(4), ValueFunction.Integrate(pData, pG, _ => 0.5, grid).Value, 1e-12);
    }

    [Fact]
    public void FromDensities_NegativeValue_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OptimalDiscriminator.FromDensities(-0.1, 0.2));

        Assert.Equal("pDataAtX", e.ParamName);
    }
}
