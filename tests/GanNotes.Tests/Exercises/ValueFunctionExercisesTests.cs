using GanNotes.Exercises;

namespace GanNotes.Tests.Exercises;

public class ValueFunctionExercisesTests
{
    [Fact]
    public void ValueAtHalf_MinusLogFour_Passes() => Assert.True(ValueFunctionExercises.ValueAtHalf(-Math.Log(4)).Passed);

    [Theory]
    [InlineData(1.3862943611198906, "never positive")]
    [InlineData(-0.6931471805599453, "Both terms")]
    [InlineData(-1, "natural logarithm")]
    public void ValueAtHalf_KnownMistake_GivesItsHint(double answer, string hint)
    {
        var result = ValueFunctionExercises.ValueAtHalf(answer);
        Assert.False(result.Passed);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplesForATenth_HundredThousand_Passes() => Assert.True(ValueFunctionExercises.SamplesForATenth(100_000).Passed);

    [Fact]
    public void SamplesForATenth_TenThousand_SaysTheErrorFallsLikeOneOverRootM()
    {
        Assert.Contains("1/sqrt(m), not 1/m", ValueFunctionExercises.SamplesForATenth(10_000).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GradientRatio_NinetyNine_Passes_AndHundredIsAKnownMistake()
    {
        Assert.True(ValueFunctionExercises.GradientRatio(99).Passed);
        Assert.Contains("(1 - D)/D", ValueFunctionExercises.GradientRatio(100).Message, StringComparison.Ordinal);
        Assert.Contains("inverse", ValueFunctionExercises.GradientRatio(0.01 / 0.99).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCheck_NaNPlaceholder_NotYet()
    {
        Assert.False(ValueFunctionExercises.ValueAtHalf(double.NaN).Attempted);
        Assert.False(ValueFunctionExercises.SamplesForATenth(double.NaN).Attempted);
        Assert.False(ValueFunctionExercises.GradientRatio(double.NaN).Attempted);
    }
}
