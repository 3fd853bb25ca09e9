using GanNotes.Exercises;
using GanNotes.Gan;
using GanNotes.Nn;

namespace GanNotes.Tests.Exercises;

/// <summary>Notebook 09's checks: the right counts pass, each known mistake gives its hint, NaN is "not yet".</summary>
public class DcganExercisesTests
{
    [Fact]
    public void GeneratorWeightsAtHidden64_CountedByHand_Passes()
    {
        // The transposed convolutions' in·out·k², then γ and β per batch-norm channel.
        double count = 100 * 128 * 7 * 7 + 128 * 64 * 4 * 4 + 64 * 1 * 4 * 4 + 2 * (128 + 64);

        var result = DcganExercises.GeneratorWeightsAtHidden64(count);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(759_680, count);
        Assert.Equal(count, Dcgan.BuildGenerator(hidden: 64).ParameterCount());
    }

    [Theory]
    [InlineData(4 * 347_072, "Only the middle convolution")]
    [InlineData(2 * 347_072, "multiplies its weights by 4, not 2")]
    [InlineData(759_680 - 384, "two weights per channel, γ and β: add them")]
    [InlineData(759_680 + 384, "running mean and variance are buffers")]
    [InlineData(700_000, "check each step of your working")]
    public void GeneratorWeightsAtHidden64_KnownMistakes_GiveTheirHints(double answer, string hint)
    {
        var result = DcganExercises.GeneratorWeightsAtHidden64(answer);

        Assert.False(result.Passed);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratorWeightsWithoutBatchNorm_TheStudentsNetwork_Passes()
    {
        var g = new Sequential(
            new Unflatten(1, 100, 1, 1),
            new ConvTranspose2d(100, 64, 7, 1, 0, bias: false), new Relu(),
            new ConvTranspose2d(64, 32, 4, 2, 1, bias: false), new Relu(),
            new ConvTranspose2d(32, 1, 4, 2, 1, bias: false), new Sigmoid(), new Flatten());

        var result = DcganExercises.GeneratorWeightsWithoutBatchNorm(g.ParameterCount());

        Assert.True(result.Passed, result.Message);
        Assert.Equal(346_880, g.ParameterCount());
    }

    [Theory]
    [InlineData(347_072, "have weights of their own")]
    [InlineData(347_072 - 96, "not one")]
    [InlineData(347_072 - 384, "only γ and β go")]
    public void GeneratorWeightsWithoutBatchNorm_KnownMistakes_GiveTheirHints(double answer, string hint)
    {
        var result = DcganExercises.GeneratorWeightsWithoutBatchNorm(answer);

        Assert.False(result.Passed);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_Placeholders_NotYet()
    {
        Assert.False(DcganExercises.GeneratorWeightsAtHidden64(double.NaN).Attempted);
        Assert.False(DcganExercises.GeneratorWeightsWithoutBatchNorm(double.NaN).Attempted);
    }
}
