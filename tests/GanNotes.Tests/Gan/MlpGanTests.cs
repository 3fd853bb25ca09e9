using GanNotes.Gan;
using GanNotes.Tensors;

namespace GanNotes.Tests.Gan;

public class MlpGanTests
{
    [Fact]
    public void Seed004Defaults_ParameterCountsMatchPyTorch()
    {
        // sum(p.numel()) printed by PyTorch for the peer's networks (tests/GanNotes.Benchmarks/peer).
        Assert.Equal(1_505_680, MlpGan.BuildGenerator().ParameterCount());
        Assert.Equal(566_273, MlpGan.BuildDiscriminator().ParameterCount());
    }

    [Fact]
    public void BuildGenerator_ShapesAndOutputRange()
    {
        var g = MlpGan.BuildGenerator(zDim: 8, hidden: 4, outputDim: 10, rng: new Rng(1));
        var x = g.Forward(Tensor.Randn([5, 8], new Rng(2)));
        Assert.Equal([5, 10], x.Shape);
        Assert.All(x.ToArray(), v => Assert.InRange(v, 0f, 1f));
        Assert.StartsWith("Sequential(\n  (0): Sequential(\n    (0): Linear(in_features=8, out_features=4, bias=True)", g.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildDiscriminator_OneLogitPerExample()
    {
        var d = MlpGan.BuildDiscriminator(inputDim: 3, hidden: 4, rng: new Rng(1));
        Assert.Equal([6, 1], d.Forward(Tensor.Randn([6, 3], new Rng(2))).Shape);
        Assert.Contains("LeakyReLU(negative_slope=0.2)", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildGenerator_IdentityOutput_HasNoSquashingLayer()
    {
        var g = MlpGan.BuildGenerator(zDim: 2, hidden: 2, outputDim: 1, output: GeneratorOutput.Identity);
        Assert.Equal(5, g.Count);
        Assert.IsType<GanNotes.Nn.Linear>(g[4]);
    }
}
