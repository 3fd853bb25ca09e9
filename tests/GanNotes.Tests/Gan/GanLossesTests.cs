using GanNotes.Gan;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Gan;

public class GanLossesTests
{
    [Fact]
    public void Discriminator_AtDOneHalf_IsLog2()
    {
        // D = sigmoid(0) = 1/2 everywhere: -V/2 = -(log 1/2 + log 1/2)/2 = log 2.
        var loss = GanLosses.Discriminator(Tensor.Zeros(8, 1), Tensor.Zeros(8, 1));
        Assert.Equal(MathF.Log(2f), loss.Item(), 6);
    }

    [Fact]
    public void Discriminator_MatchesValueFunctionOnProbabilities()
    {
        var real = Tensor.FromArray([1.5f, -0.3f, 2f], 3, 1);
        var fake = Tensor.FromArray([-1f, 0.4f, -2.5f], 3, 1);
        double v = 0;
        foreach (var a in real.ToArray())
        {
            v += Math.Log(1 / (1 + Math.Exp(-a))) / 3;        // log D(x)
        }
        foreach (var a in fake.ToArray())
        {
            v += Math.Log(1 - (1 / (1 + Math.Exp(-a)))) / 3;  // log(1 - D(G(z)))
        }
        Assert.Equal(-v / 2, GanLosses.Discriminator(real, fake).Item(), 5);
    }

    [Theory]
    [InlineData(GeneratorLoss.Minimax)]
    [InlineData(GeneratorLoss.NonSaturating)]
    public void Generator_MatchesPaperFormula(GeneratorLoss kind)
    {
        var logits = Tensor.FromArray([-3f, 0f, 2f], 3, 1);
        double expected = logits.ToArray().Average(a =>
        {
            double d = 1 / (1 + Math.Exp(-a));
            return kind == GeneratorLoss.Minimax ? Math.Log(1 - d) : -Math.Log(d);
        });
        Assert.Equal(expected, GanLosses.Generator(logits, kind).Item(), 5);
    }

    [Fact]
    public void Generator_SaturatedD_MinimaxGradientVanishesNonSaturatingDoesNot()
    {
        // D confidently rejects the samples (logit -12, D = 6e-6), as early in training.
        var minimax = Tensor.Full([4, 1], -12f);
        minimax.RequiresGrad = true;
        GanLosses.Generator(minimax, GeneratorLoss.Minimax).Backward();
        var nonSaturating = Tensor.Full([4, 1], -12f);
        nonSaturating.RequiresGrad = true;
        GanLosses.Generator(nonSaturating, GeneratorLoss.NonSaturating).Backward();
        float gMinimax = Math.Abs(minimax.Grad!.ToArray()[0]);
        float gNonSaturating = Math.Abs(nonSaturating.Grad!.ToArray()[0]);
        Assert.True(gMinimax < 1e-5f, $"minimax gradient {gMinimax}");
        Assert.True(gNonSaturating > 0.2f, $"non-saturating gradient {gNonSaturating}");
    }

    [Fact]
    public void Losses_GradCheck()
    {
        var real = Tensor.FromArray([1.5f, -0.3f, 2f, 0.7f], 4, 1);
        var fake = Tensor.FromArray([-1f, 0.4f, -2.5f, 1.1f], 4, 1);
        real.RequiresGrad = true;
        fake.RequiresGrad = true;
        GradCheck.Assert(x => GanLosses.Discriminator(x[0], x[1]), real, fake);
        GradCheck.Assert(x => GanLosses.Generator(x[0], GeneratorLoss.Minimax), fake);
        GradCheck.Assert(x => GanLosses.Generator(x[0], GeneratorLoss.NonSaturating), fake);
    }
}
