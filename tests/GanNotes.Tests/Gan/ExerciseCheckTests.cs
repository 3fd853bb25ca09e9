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
    public void Number_NaNPlaceholder_AsksForTheComputation()
    {
        Assert.Contains("replace the placeholder", ValueAtHalf(double.NaN).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_LargeNumbers_RelativeTolerance()
    {
        Assert.True(ExerciseCheck.Number("m", 100_050, 100_000).Passed);
        Assert.False(ExerciseCheck.Number("m", 100_200, 100_000).Passed);
    }
}
