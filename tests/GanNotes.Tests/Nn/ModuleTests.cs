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

    private static Sequential Trainable(ulong seed) => new(GBlock(3, 4), new Linear(4, 1, rng: new Rng(seed)));

    /// <summary>One training step in training mode, so the weights and BatchNorm's running statistics both move.</summary>
    private static void TrainOnce(Sequential model, ulong seed)
    {
        var x = Tensor.Randn([8, 3], new Rng(seed));
        model.ZeroGrad();
        var y = model.Forward(x);
        (y * y).Mean().Backward();
        using (Autograd.NoGrad())
        {
            foreach (var p in model.Parameters())
            {
                p.CopyFrom_(p - 0.1f * p.Grad!);
            }
        }
    }

    private static float[] Values(Module model) => [.. model.StateDict().SelectMany(p => p.Value.ToArray())];

    [Fact]
    public void LoadStateDict_CopyTakenBeforeTraining_PutsEveryParameterAndBufferBackBitwise()
    {
        var model = Trainable(1);
        var before = Values(model);
        var tensors = model.StateDict().Select(p => p.Value).ToArray();
        var saved = model.CopyStateDict();

        TrainOnce(model, 2);
        Assert.NotEqual(before, Values(model));
        model.LoadStateDict(saved);

        Assert.Equal(before, Values(model));
        Assert.Equal(tensors, model.StateDict().Select(p => p.Value));   // the same tensor objects, so an optimizer still holds them
    }

    [Fact]
    public void CopyStateDict_LaterTraining_DoesNotChangeTheSnapshot()
    {
        var model = Trainable(3);
        var saved = model.CopyStateDict();
        float[] snapshot = [.. saved.SelectMany(p => p.Value.ToArray())];

        TrainOnce(model, 4);

        Assert.Equal(model.StateDict().Select(p => p.Key), saved.Select(p => p.Key));
        Assert.Equal(snapshot, saved.SelectMany(p => p.Value.ToArray()));
        Assert.All(saved, p => Assert.False(p.Value.RequiresGrad));
    }

    [Fact]
    public void LoadStateDict_AnotherModelsState_MakesTheSameFunction()
    {
        var source = Trainable(5);
        var target = Trainable(6);
        var x = Tensor.Randn([5, 3], new Rng(7));
        source.Eval();
        target.Eval();

        target.LoadStateDict(source.StateDict());

        Assert.Equal(source.Forward(x).ToArray(), target.Forward(x).ToArray());
    }

    [Fact]
    public void LoadStateDict_MissingUnexpectedAndMisshapedNames_NamesEachAndChangesNothing()
    {
        var model = Trainable(8);
        var before = Values(model);
        var state = model.CopyStateDict().Where(p => p.Key != "1.bias").ToList();
        state[0] = KeyValuePair.Create(state[0].Key, Tensor.Zeros(2, 2));
        state.Add(KeyValuePair.Create("2.weight", Tensor.Zeros(1)));

        var e = Assert.Throws<ArgumentException>(() => model.LoadStateDict(state));

        Assert.Contains("'0.0.weight' has shape [2, 2], the module needs [4, 3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected '2.weight'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'1.bias' is missing", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Values(model));
    }

    [Fact]
    public void LoadStateDict_NameTwice_Refused()
    {
        var model = Trainable(9);
        var state = model.CopyStateDict().ToList();
        state.Add(state[0]);

        var e = Assert.Throws<ArgumentException>(() => model.LoadStateDict(state));

        Assert.Contains("'0.0.weight' appears twice", e.Message, StringComparison.Ordinal);
    }
}
