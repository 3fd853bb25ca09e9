using GanNotes.Gan;

namespace GanNotes.Tests.Gan;

public class ExerciseCheckTests
{
    private static CheckResult ValueAtHalf(double answer) => ExerciseCheck.Number("V when D = 1/2", answer, -Math.Log(4),
        (Math.Log(4), "V is a sum of logarithms of probabilities, so it is never positive."),
        (-Math.Log(2), "That is one of the two terms; V has two."));

    [Fact]
    public void Number_RightAnswer_Passes()
    {
        var result = ValueAtHalf(-1.3863);
        Assert.True(result.Passed);
        Assert.Equal("\u2713 V when D = 1/2 = -1.3863: right.", result.ToString());
    }

    [Fact]
    public void Number_KnownMistake_GivesItsHint()
    {
        var result = ValueAtHalf(-Math.Log(2));
        Assert.False(result.Passed);
        Assert.Equal("\u2717 V when D = 1/2: -0.693147 is not right. That is one of the two terms; V has two.", result.ToString());
    }

    [Fact]
    public void Number_OtherWrongAnswer_GeneralAdvice()
    {
        Assert.Equal("V when D = 1/2: 3 is not right; check each step of your working.", ValueAtHalf(3).Message);
    }

    [Fact]
    public void Number_NaNPlaceholder_NotYetAttempted()
    {
        var result = ValueAtHalf(double.NaN);

        Assert.False(result.Passed);
        Assert.False(result.Attempted);
        Assert.StartsWith("\u25CB V when D = 1/2: not yet answered", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PlaceholderThrows_NotYet()
    {
        int answer = ExerciseCheck.Run<int>("the count", () => throw new NotImplementedException(), out var verdict);

        Assert.Equal(0, answer);
        Assert.False(verdict!.Attempted);
    }

    [Fact]
    public void Run_FunctionFails_WrongWithTheException()
    {
        ExerciseCheck.Run<int>("the count", () => throw new InvalidOperationException("empty"), out var verdict);

        Assert.True(verdict!.Attempted);
        Assert.Equal("\u2717 the count threw InvalidOperationException: empty", verdict.ToString());
    }

    [Fact]
    public void Run_FunctionReturns_NoVerdict()
    {
        Assert.Equal(7, ExerciseCheck.Run("the count", () => 7, out var verdict));
        Assert.Null(verdict);
    }

    [Fact]
    public void Number_LargeNumbers_RelativeTolerance()
    {
        Assert.True(ExerciseCheck.Number("m", 100_050, 100_000).Passed);
        Assert.False(ExerciseCheck.Number("m", 100_200, 100_000).Passed);
    }
}
