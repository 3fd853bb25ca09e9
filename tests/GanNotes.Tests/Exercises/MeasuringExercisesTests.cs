using GanNotes.Exercises;

namespace GanNotes.Tests.Exercises;

public class MeasuringExercisesTests
{
    [Fact]
    public void FrechetDistance1D_RightAnswer_Passes()
    {
        var result = MeasuringExercises.FrechetDistance1D(Math.Pow(0 - 1, 2) + 1 + 4 - 2 * Math.Sqrt(1 * 4));
        Assert.True(result.Passed, result.Message);
        Assert.StartsWith("\u2713 ", result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6.0, "-2 (Σ₁ Σ₂)^½")]
    [InlineData(1.0, "trace term is missing")]
    [InlineData(1.1715728752538097, "variance is 2²")] // 1 + 1 + 2 - 2 sqrt(2)
    [InlineData(1.4142135623730951, "square root")]
    public void FrechetDistance1D_KnownMistake_GivesItsHint(double answer, string hint)
    {
        var result = MeasuringExercises.FrechetDistance1D(answer);
        Assert.False(result.Passed);
        Assert.True(result.Attempted);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrechetDistance1D_Placeholder_NotYet()
    {
        var result = MeasuringExercises.FrechetDistance1D(double.NaN);
        Assert.False(result.Attempted);
        Assert.StartsWith("\u25CB ", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParzenConstant_RightAnswer_Passes()
    {
        // -(d/2) log(2 pi sigma^2) = -392 * log(0.2513...) = 541.37...
        var result = MeasuringExercises.ParzenConstant(-784 / 2.0 * Math.Log(2 * Math.PI * 0.2 * 0.2));
        Assert.True(result.Passed, result.Message);
        Assert.True(MeasuringExercises.ParzenConstant(541.4).Passed, "the answer rounded to 0.1 nat is right too");
    }

    [Theory]
    [InlineData(-89.548, "Square σ")] // -392 log(2 pi 0.2): sigma not squared
    [InlineData(1082.7, "d/2, not d")]
    [InlineData(-541.37, "Mind the sign")]
    [InlineData(235.11, "natural logarithm")]
    public void ParzenConstant_KnownMistake_GivesItsHint(double answer, string hint)
    {
        var result = MeasuringExercises.ParzenConstant(answer);
        Assert.False(result.Passed);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParzenConstant_Placeholder_NotYet()
    {
        Assert.False(MeasuringExercises.ParzenConstant(double.NaN).Attempted);
    }
}
