using GanNotes.Exercises;

namespace GanNotes.Tests.Exercises;

public class GenerativeModelsExercisesTests
{
    [Fact]
    public void ExponentialQuantile_MinusLogOfOneMinusU_Passes()
    {
        var result = GenerativeModelsExercises.ExponentialQuantile(u => -Math.Log(1 - u));
        Assert.True(result.Passed, result.Message);
    }

    [Theory]
    [InlineData("minus-log-u", "F^-1(1 - u), not F^-1(u)")]
    [InlineData("sign", "Mind the sign")]
    [InlineData("cdf", "That is F itself")]
    [InlineData("density", "That is the density")]
    [InlineData("other", "take the logarithm")]
    public void ExponentialQuantile_KnownMistake_GivesItsHint(string mistake, string hint)
    {
        Func<double, double> answer = mistake switch
        {
            "minus-log-u" => u => -Math.Log(u),
            "sign" => u => Math.Log(1 - u),
            "cdf" => u => 1 - Math.Exp(-u),
            "density" => u => Math.Exp(-u),
            _ => u => u,
        };

        var result = GenerativeModelsExercises.ExponentialQuantile(answer);

        Assert.False(result.Passed);
        Assert.True(result.Attempted);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
        Assert.Contains("at u = 0.01 it returned", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExponentialQuantile_Placeholder_NotYet()
    {
        Assert.False(GenerativeModelsExercises.ExponentialQuantile(u => throw new NotImplementedException()).Attempted);
    }

    [Fact]
    public void ExponentialQuantile_FunctionThatFails_WrongWithTheException()
    {
        var result = GenerativeModelsExercises.ExponentialQuantile(u => throw new InvalidOperationException("no"));
        Assert.True(result.Attempted);
        Assert.Contains("threw InvalidOperationException", result.Message, StringComparison.Ordinal);
    }
}
