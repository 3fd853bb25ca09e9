using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Tests.Gan;

/// <summary>
/// The checks of hand-written GAN steps: a right step passes, and each classic mistake fails
/// with a message that names it.
/// </summary>
public class StepCheckTests
{
    private static Tensor Bce(Tensor logits, float label) =>
        Functional.BinaryCrossEntropyWithLogits(logits, label == 1 ? Tensor.OnesLike(logits) : Tensor.ZerosLike(logits));

    // The right steps, written as a student would (not through GanLosses).
    private static float RightDStep(Module g, Module d, Optimizer optimizerD, Tensor real, Tensor z)
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

    private static float RightGStep(Module g, Module d, Optimizer optimizerG, Tensor z)
    {
        optimizerG.ZeroGrad();
        var loss = Bce(d.Forward(g.Forward(z)), 1);
        loss.Backward();
        optimizerG.Step();
        return loss.Item();
    }

    [Fact]
    public void Discriminator_RightStep_Passes()
    {
        var result = StepCheck.Discriminator(RightDStep);
        Assert.True(result.Passed, result.Message);
        Assert.StartsWith("\u2713 DiscriminatorStep agrees with the reference", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Discriminator_DetachedWithDetachInsteadOfNoGrad_Passes()
    {
        var result = StepCheck.Discriminator((g, d, opt, real, z) =>
        {
            opt.ZeroGrad();
            var fake = g.Forward(z).Detach();
            var loss = (Bce(d.Forward(real), 1) + Bce(d.Forward(fake), 0)) * 0.5f;
            loss.Backward();
            opt.Step();
            return loss.Item();
        });
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Discriminator_ForgetsToDetachGsOutput_SaysSo()
    {
        // The classic bug: G(z) computed with gradients on, so D's backward pass runs on into G.
        var result = StepCheck.Discriminator((g, d, opt, real, z) =>
        {
            opt.ZeroGrad();
            var fake = g.Forward(z);
            var loss = (Bce(d.Forward(real), 1) + Bce(d.Forward(fake), 0)) * 0.5f;
            loss.Backward();
            opt.Step();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.StartsWith("\u2717 G's output was not detached", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("Autograd.NoGrad()", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discriminator_ForgetsZeroGrad_SaysSo()
    {
        var result = StepCheck.Discriminator((g, d, opt, real, z) =>
        {
            Tensor fake;
            using (Autograd.NoGrad())
            {
                fake = g.Forward(z);
            }
            var loss = (Bce(d.Forward(real), 1) + Bce(d.Forward(fake), 0)) * 0.5f;
            loss.Backward();
            opt.Step();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.Contains("did not clear D's old gradients", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discriminator_ForgetsStep_SaysSo()
    {
        var result = StepCheck.Discriminator((g, d, opt, real, z) =>
        {
            opt.ZeroGrad();
            Tensor fake;
            using (Autograd.NoGrad())
            {
                fake = g.Forward(z);
            }
            var loss = (Bce(d.Forward(real), 1) + Bce(d.Forward(fake), 0)) * 0.5f;
            loss.Backward();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.Contains("call optimizerD.Step()", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f, 1f, 1f, "The labels are swapped")]
    [InlineData(1f, 0f, 2f, "the sum of the two cross-entropies")]
    [InlineData(1f, 0f, -2f, "That is V itself")]
    public void Discriminator_WrongLoss_NamesTheMistake(float realLabel, float fakeLabel, float scale, string expected)
    {
        var result = StepCheck.Discriminator((g, d, opt, real, z) =>
        {
            opt.ZeroGrad();
            Tensor fake;
            using (Autograd.NoGrad())
            {
                fake = g.Forward(z);
            }
            var loss = (Bce(d.Forward(real), realLabel) + Bce(d.Forward(fake), fakeLabel)) * (scale / 2);
            loss.Backward();
            opt.Step();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discriminator_StepThatThrows_ReportsTheException()
    {
        var result = StepCheck.Discriminator((_, _, _, _, _) => throw new InvalidOperationException("write me"));
        Assert.False(result.Passed);
        Assert.Equal("DiscriminatorStep threw InvalidOperationException: write me", result.Message);
    }

    [Fact]
    public void Discriminator_Placeholder_NotYet()
    {
        var result = StepCheck.Discriminator((_, _, _, _, _) => throw new NotImplementedException());
        Assert.False(result.Attempted);
        Assert.StartsWith("DiscriminatorStep: not yet answered", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discriminator_StepThatAlsoMovesG_SaysSo()
    {
        var result = StepCheck.Discriminator((g, d, opt, real, z) =>
        {
            float loss = RightDStep(g, d, opt, real, z);
            g.Parameters().First().Fill_(0.1f);
            return loss;
        });
        Assert.False(result.Passed);
        Assert.Contains("changed G's parameters", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_RightStep_Passes()
    {
        var result = StepCheck.Generator(RightGStep);
        Assert.True(result.Passed, result.Message);
        Assert.StartsWith("\u2713 GeneratorStep agrees with the reference", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_MinimaxStep_PassesTheMinimaxCheckAndIsNamedInTheOther()
    {
        GeneratorStepFunction minimax = (g, d, opt, z) =>
        {
            opt.ZeroGrad();
            var loss = -Bce(d.Forward(g.Forward(z)), 0);
            loss.Backward();
            opt.Step();
            return loss.Item();
        };
        var asMinimax = StepCheck.Generator(minimax, GeneratorLoss.Minimax);
        Assert.True(asMinimax.Passed, asMinimax.Message);
        var asNonSaturating = StepCheck.Generator(minimax);
        Assert.False(asNonSaturating.Passed);
        Assert.Contains("That is the minimax loss", asNonSaturating.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_LabelsItsSamplesFake_SaysSo()
    {
        var result = StepCheck.Generator((g, d, opt, z) =>
        {
            opt.ZeroGrad();
            var loss = Bce(d.Forward(g.Forward(z)), 0);
            loss.Backward();
            opt.Step();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.Contains("G's samples labelled fake", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_DetachesGsOutput_SaysNoGradientReachedG()
    {
        var result = StepCheck.Generator((g, d, opt, z) =>
        {
            opt.ZeroGrad();
            var loss = Bce(d.Forward(g.Forward(z).Detach()), 1);
            loss.Backward();
            opt.Step();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.Contains("No gradient reached G's parameters", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_ForgetsZeroGrad_SaysSo()
    {
        var result = StepCheck.Generator((g, d, opt, z) =>
        {
            var loss = Bce(d.Forward(g.Forward(z)), 1);
            loss.Backward();
            opt.Step();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.Contains("did not clear G's old gradients", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_StepsD_SaysSo()
    {
        var result = StepCheck.Generator((g, d, opt, z) =>
        {
            var both = new Sgd(g.Parameters().Concat(d.Parameters()), lr: 1f);
            both.ZeroGrad();
            var loss = Bce(d.Forward(g.Forward(z)), 1);
            loss.Backward();
            both.Step();
            return loss.Item();
        });
        Assert.False(result.Passed);
        Assert.Contains("changed D's parameters", result.Message, StringComparison.Ordinal);
    }
}
