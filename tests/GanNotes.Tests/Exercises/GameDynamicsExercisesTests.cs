using GanNotes.Exercises;

namespace GanNotes.Tests.Exercises;

public class GameDynamicsExercisesTests
{
    [Fact]
    public void SimultaneousGrowth_TheWorkedAnswer_Passes()
    {
        // 1.01^100 = 2.7048: 200 steps at eta = 0.1 multiply r^2 by 1.01 each.
        Assert.True(GameDynamicsExercises.SimultaneousGrowth(2.7048, 0.1, 200).Passed);
        Assert.True(GameDynamicsExercises.SimultaneousGrowth(Math.Pow(1.04, 50), 0.2, 100).Passed);
    }

    [Theory]
    [InlineData(1.89905e8, "not (1 + eta)^2")]   // 1.1^200
    [InlineData(7.3160, "growth of r^2")]       // 1.01^200
    [InlineData(1.004988, "factor of one step")]
    [InlineData(1.0, "exact flow")]
    public void SimultaneousGrowth_KnownMistake_GivesItsHint(double answer, string hint)
    {
        var result = GameDynamicsExercises.SimultaneousGrowth(answer, 0.1, 200);

        Assert.False(result.Passed);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlternatingLargestDistance_TheWorkedAnswer_Passes()
    {
        // sqrt(1 / 0.95) = 1.02598 at eta = 0.1.
        Assert.True(GameDynamicsExercises.AlternatingLargestDistance(1.02598, 0.1).Passed);
    }

    [Theory]
    [InlineData(0.97590, "smallest distance")]   // sqrt(1 / 1.05)
    [InlineData(1.05263, "largest r^2")]         // 1 / 0.95
    [InlineData(1.0, "ellipse, not a circle")]
    [InlineData(1.41421, "from (1, 1)")]
    public void AlternatingLargestDistance_KnownMistake_GivesItsHint(double answer, string hint)
    {
        var result = GameDynamicsExercises.AlternatingLargestDistance(answer, 0.1);

        Assert.False(result.Passed);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_NotYet()
    {
        Assert.False(GameDynamicsExercises.SimultaneousGrowth(double.NaN, 0.1, 200).Attempted);
        Assert.False(GameDynamicsExercises.AlternatingLargestDistance(double.NaN, 0.1).Attempted);
    }
}
