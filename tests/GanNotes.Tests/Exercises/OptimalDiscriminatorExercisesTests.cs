using GanNotes.Exercises;
using GanNotes.Theory;

namespace GanNotes.Tests.Exercises;

public class OptimalDiscriminatorExercisesTests
{
    [Fact]
    public void DStarAt_ThreeQuarters_Passes_AndTheComplementIsAKnownMistake()
    {
        Assert.True(OptimalDiscriminatorExercises.DStarAt(0.3 / (0.3 + 0.1)).Passed);
        Assert.Contains("probability of 'generated'", OptimalDiscriminatorExercises.DStarAt(0.25).Message, StringComparison.Ordinal);
        Assert.Contains("ratio p_data / p_g", OptimalDiscriminatorExercises.DStarAt(3).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RatioWhereDStarIsNineTenths_Nine_Passes_AndInverseIsAKnownMistake()
    {
        Assert.True(OptimalDiscriminatorExercises.RatioWhereDStarIsNineTenths(0.9 / 0.1).Passed);
        Assert.Contains("p_g / p_data", OptimalDiscriminatorExercises.RatioWhereDStarIsNineTenths(1.0 / 9).Message, StringComparison.Ordinal);
        Assert.Contains("That is D* itself", OptimalDiscriminatorExercises.RatioWhereDStarIsNineTenths(0.9).Message, StringComparison.Ordinal);
        Assert.Contains("0.9 / 0.1", OptimalDiscriminatorExercises.RatioWhereDStarIsNineTenths(10).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargestCriterion_Zero_Passes_AndLogTwoIsAKnownMistake()
    {
        Assert.True(OptimalDiscriminatorExercises.LargestCriterion(-Math.Log(4) + 2 * Math.Log(2)).Passed);
        Assert.Contains("largest JSD", OptimalDiscriminatorExercises.LargestCriterion(Math.Log(2)).Message, StringComparison.Ordinal);
        Assert.Contains("smallest C(G)", OptimalDiscriminatorExercises.LargestCriterion(-Math.Log(4)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueAtOptimum_IntegratedWithDStar_Passes_AndTheJsdAloneIsAKnownMistake()
    {
        var pData = new NormalMixtureDensity([0.5, 0.5], [-2.0, 2.0], [0.6, 0.6]);
        var pG = new NormalDensity(0.5, 1.5);
        var grid = QuadratureGrid.Covering(pData, pG);
        var dStar = new OptimalDiscriminator(pData, pG, grid);

        double v = ValueFunction.Integrate(pData, pG, dStar.Evaluate, grid).Value;
        double jsd = Divergence.JensenShannon(pData, pG, grid).Value;

        Assert.True(OptimalDiscriminatorExercises.ValueAtOptimum(v, pData, pG, grid).Passed);
        Assert.Contains("JSD alone", OptimalDiscriminatorExercises.ValueAtOptimum(jsd, pData, pG, grid).Message, StringComparison.Ordinal);
        Assert.Contains("-log 4, C(G) at p_g = p_data", OptimalDiscriminatorExercises.ValueAtOptimum(-Math.Log(4), pData, pG, grid).Message, StringComparison.Ordinal);
        Assert.False(OptimalDiscriminatorExercises.ValueAtOptimum(v + 0.01, pData, pG, grid).Passed);
    }

    [Fact]
    public void EveryCheck_NaNPlaceholder_NotYet()
    {
        var p = new NormalDensity(0, 1);
        Assert.False(OptimalDiscriminatorExercises.DStarAt(double.NaN).Attempted);
        Assert.False(OptimalDiscriminatorExercises.RatioWhereDStarIsNineTenths(double.NaN).Attempted);
        Assert.False(OptimalDiscriminatorExercises.LargestCriterion(double.NaN).Attempted);
        Assert.False(OptimalDiscriminatorExercises.ValueAtOptimum(double.NaN, p, p, QuadratureGrid.Covering(p, p)).Attempted);
    }
}
