using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Tests.Nn;

public class ModuleTests
{
    private static Sequential GBlock(int i, int o) => new(new Linear(i, o), new BatchNorm1d(o), new Relu());

    private static Sequential DBlock(int i, int o) => new(new Linear(i, o), new LeakyRelu(0.2f));

    [Fact]
    public void ToString_NestedSequential_PrintsLikePyTorch()
    {
        var model = new Sequential(GBlock(5, 7), new Dropout(0.3f), new Tanh());
        const string expected = """
            Sequential(
              (0): Sequential(
                (0): Linear(in_features=5, out_features=7, bias=True)
                (1): BatchNorm1d(7, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
                (2): ReLU()
              )
              (1): Dropout(p=0.3, inplace=False)
              (2): Tanh()
            )
            """;
        Assert.Equal(expected, model.ToString());
    }

    [Fact]
    public void ToString_LeakyReLU_ShowsSlope()
    {
        Assert.Equal("LeakyReLU(negative_slope=0.2)", new LeakyRelu(0.2f).ToString());
        Assert.Equal("Linear(in_features=3, out_features=1, bias=False)", new Linear(3, 1, bias: false).ToString());
    }

    [Fact]
    public void ParameterCount_Seed004Networks_MatchesPyTorch()
    {
        // Counts printed by PyTorch for the same architectures (sum of p.numel()).
        var g = new Sequential(GBlock(64, 128), GBlock(128, 256), GBlock(256, 512), GBlock(512, 1024), new Linear(1024, 784), new Sigmoid());
        var d = new Sequential(DBlock(784, 512), DBlock(512, 256), DBlock(256, 128), new Linear(128, 1));
        Assert.Equal(1_505_680, g.ParameterCount());
        Assert.Equal(566_273, d.ParameterCount());
    }

    [Fact]
    public void NamedParameters_NestedSequential_UsesPyTorchDottedNames()
    {
        var model = new Sequential(GBlock(2, 3), new Linear(3, 1));
        Assert.Equal(
            ["0.0.weight", "0.0.bias", "0.1.weight", "0.1.bias", "1.weight", "1.bias"],
            model.NamedParameters().Select(p => p.Key));
        Assert.Equal(
            ["0.1.running_mean", "0.1.running_var", "0.1.num_batches_tracked"],
            model.NamedBuffers().Select(b => b.Key));
        Assert.All(model.Parameters(), p => Assert.True(p.RequiresGrad));
        Assert.All(model.NamedBuffers(), b => Assert.False(b.Value.RequiresGrad));
        Assert.Equal(9, model.StateDict().Count);
    }

    [Fact]
    public void Eval_Nested_SetsEveryDescendant()
    {
        var model = new Sequential(GBlock(2, 3), new Dropout());
        model.Eval();
        Assert.False(model.Training);
        Assert.False(((Sequential)model[0])[1].Training);
        Assert.False(model[1].Training);
        model.Train();
        Assert.True(((Sequential)model[0])[1].Training);
    }

    [Fact]
    public void ZeroGrad_AfterBackward_ClearsAllGradients()
    {
        var model = new Sequential(new Linear(3, 2), new Tanh(), new Linear(2, 1));
        model.Forward(Tensor.Ones(4, 3)).Sum().Backward();
        Assert.All(model.Parameters(), p => Assert.NotNull(p.Grad));
        model.ZeroGrad();
        Assert.All(model.Parameters(), p => Assert.Null(p.Grad));
    }
}
