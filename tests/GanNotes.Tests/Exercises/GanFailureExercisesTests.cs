using GanNotes.Exercises;

namespace GanNotes.Tests.Exercises;

public class GanFailureExercisesTests
{
    [Fact]
    public void JsdOfOneMode_TheWorkedAnswer_Passes()
    {
        // Worked by hand: half of log(16/9) + (1/8) log(2/9) + (7/8) log 2 = 0.49693.
        var result = GanFailureExercises.JsdOfOneMode(0.49693);

        Assert.True(result.Passed, result.Message);
    }

    [Theory]
    [InlineData(0.693147, "do not overlap at all")]          // log 2
    [InlineData(0.993854, "sum of the two KL divergences")]
    [InlineData(-0.392440, "C(G) = -log 4 + 2 JSD")]
    [InlineData(0.716922, "in bits")]
    [InlineData(0.575364, "KL(p_g || M) alone")]             // log(16/9)
    [InlineData(0.418490, "KL(p_data || M) alone")]
    public void JsdOfOneMode_KnownMistake_GivesItsHint(double answer, string hint)
    {
        var result = GanFailureExercises.JsdOfOneMode(answer);

        Assert.False(result.Passed);
        Assert.True(result.Attempted);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsdOfOneMode_Placeholder_NotYet()
    {
        var result = GanFailureExercises.JsdOfOneMode(double.NaN);

        Assert.False(result.Attempted);
        Assert.StartsWith("\u25CB", result.ToString(), StringComparison.Ordinal);
    }
}
