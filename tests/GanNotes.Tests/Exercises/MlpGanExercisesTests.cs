using GanNotes.Exercises;
using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Tests.Exercises;

/// <summary>Notebook 05's checks: the right answers pass, each known mistake gives its hint, the placeholders are "not yet".</summary>
public class MlpGanExercisesTests
{
    internal static Tensor Bce(Tensor logits, float label) =>
        Functional.BinaryCrossEntropyWithLogits(logits, label == 1 ? Tensor.OnesLike(logits) : Tensor.ZerosLike(logits));

    internal static float RightDStep(Module g, Module d, Optimizer optimizerD, Tensor real, Tensor z)
    {
        optimizerD.ZeroGrad();
        Tensor fake;
        using (Autograd.NoGrad())
        {
            fake = g.Forward(z);
        }
        var loss = (Bce(d.Forward(real), 1) + Bce(d.Forward(fake), 0)) * 0.5f;
        loss.Backward();
        optimizerD.Step();
        return loss.Item();
    }

    internal static float GStep(Module g, Module d, Optimizer optimizerG, Tensor z, float sign, float label)
    {
        optimizerG.ZeroGrad();
        var loss = Bce(d.Forward(g.Forward(z)), label) * sign;
        loss.Backward();
        optimizerG.Step();
        return loss.Item();
    }

    internal static float NonSaturatingGStep(Module g, Module d, Optimizer optimizerG, Tensor z) => GStep(g, d, optimizerG, z, 1, 1);

    private static float MinimaxGStep(Module g, Module d, Optimizer optimizerG, Tensor z) => GStep(g, d, optimizerG, z, -1, 0);

    internal static float Unwritten(Module g, Module d, Optimizer optimizer, Tensor z) => throw new NotImplementedException();

    internal static float UnwrittenD(Module g, Module d, Optimizer optimizer, Tensor real, Tensor z) => throw new NotImplementedException();

    [Fact]
    public void Steps_RightAnswers_Pass()
    {
        Assert.True(MlpGanExercises.DiscriminatorStep(RightDStep).Passed);
        Assert.True(MlpGanExercises.GeneratorStep(NonSaturatingGStep).Passed);
        Assert.True(MlpGanExercises.MinimaxGeneratorStep(MinimaxGStep).Passed);
    }

    [Fact]
    public void Steps_Placeholders_NotYet()
    {
        Assert.StartsWith("\u25CB ", MlpGanExercises.DiscriminatorStep(UnwrittenD).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("\u25CB ", MlpGanExercises.GeneratorStep(Unwritten).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("\u25CB ", MlpGanExercises.MinimaxGeneratorStep(Unwritten).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MinimaxGeneratorStep_NonSaturatingInstead_SaysWhichLossItIs()
    {
        var result = MlpGanExercises.MinimaxGeneratorStep(NonSaturatingGStep);

        Assert.False(result.Passed);
        Assert.Contains("That is the non-saturating loss -log D(G(z)).", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratorStep_MinimaxInstead_SaysWhichLossItIs()
    {
        var result = MlpGanExercises.GeneratorStep(MinimaxGStep);

        Assert.False(result.Passed);
        Assert.Contains("That is the minimax loss log(1 - D(G(z))).", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed004Steps_RightAnswer_Passes()
    {
        var result = MlpGanExercises.Seed004Steps(250 * (60_000 / 128));

        Assert.True(result.Passed, result.Message);
        Assert.Equal("\u2713 generator steps in seed004's 250 epochs = 117000: right.", result.ToString());
    }

    [Theory]
    [InlineData(117_187.5, "the last 96 images are dropped")]
    [InlineData(117_250, "an epoch has 468 steps, not 469")]
    [InlineData(15_000_000, "A step uses a batch of 128 images, not one.")]
    [InlineData(12_345, "check each step of your working")]
    public void Seed004Steps_KnownMistakes_GiveTheirHints(double answer, string hint)
    {
        var result = MlpGanExercises.Seed004Steps(answer);

        Assert.False(result.Passed);
        Assert.True(result.Attempted);
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed004Steps_Placeholder_NotYet()
    {
        var result = MlpGanExercises.Seed004Steps(double.NaN);

        Assert.False(result.Attempted);
        Assert.StartsWith("\u25CB generator steps in seed004's 250 epochs: not yet answered", result.ToString(), StringComparison.Ordinal);
    }
}
