using GanNotes.Exercises;

namespace GanNotes.Tests.Exercises;

public class TrainingLoopExercisesTests
{
    [Fact]
    public void LossAtSolution_LogTwo_Passes_AndTheSumIsAKnownMistake()
    {
        Assert.True(TrainingLoopExercises.LossAtSolution(-Math.Log(0.5)).Passed);
        Assert.Contains("sum of the two cross-entropies", TrainingLoopExercises.LossAtSolution(Math.Log(4)).Message, StringComparison.Ordinal);
        Assert.Contains("never negative", TrainingLoopExercises.LossAtSolution(-Math.Log(2)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.693, -1.386, null)]
    [InlineData(0.693, -0.693, "multiply by -2, not -1")]
    [InlineData(0.693, 1.386, "mind the sign")]
    [InlineData(0.5, -0.25, "V = -2 x loss")]
    public void ValueFromLoss_ComparesWithMinusTwiceTheLoss(double lossD, double answer, string? hint)
    {
        var result = TrainingLoopExercises.ValueFromLoss(answer, lossD);
        Assert.Equal(hint is null, result.Passed);
        if (hint is not null)
        {
            Assert.Contains(hint, result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryCheck_NaNPlaceholder_NotYet()
    {
        Assert.False(TrainingLoopExercises.LossAtSolution(double.NaN).Attempted);
        Assert.False(TrainingLoopExercises.ValueFromLoss(double.NaN, 0.693).Attempted);
    }
}
