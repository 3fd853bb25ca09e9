using GanNotes.Optim;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Optim;

/// <summary>What every optimizer shares: the parameter list, ZeroGrad, the state dict, convergence.</summary>
public class OptimizerTests
{
    public static TheoryData<string> StatefulConfigs => ["sgd_momentum", "sgd_nesterov", "adam", "adam_wd"];

    public static TheoryData<string> AllConfigs => ["sgd", "sgd_momentum", "sgd_nesterov", "adam", "adam_wd"];

    [Fact]
    public void Constructor_EmptyParameters_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Sgd([], 0.1f));
        Assert.Contains("empty parameter list", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ParameterWithoutRequiresGrad_ThrowsNamingIndexAndShape()
    {
        var frozen = TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3], requiresGrad: false);
        var ex = Assert.Throws<ArgumentException>(() => new Adam([NewParameter(), frozen]));
        Assert.Contains("Parameter 1 (shape [2, 3]) does not require grad", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonLeafParameter_ThrowsNamingIndex()
    {
        var nonLeaf = NewParameter() * 2f;
        var ex = Assert.Throws<ArgumentException>(() => new Sgd([nonLeaf], 0.1f));
        Assert.Contains("Parameter 0 (shape [2, 3]) is not a leaf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateParameter_ThrowsNamingIndex()
    {
        var p = NewParameter();
        var ex = Assert.Throws<ArgumentException>(() => new Sgd([p, NewParameter(), p], 0.1f));
        Assert.Contains("Parameter 2 (shape [2, 3]) appears more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ParameterSequence_IsMaterialisedInOrder()
    {
        var a = NewParameter();
        var b = NewParameter();
        var list = new List<Tensor> { a, b };
        var optimizer = new Sgd(list, 0.1f);
        list.Clear();

        Assert.Equal(2, optimizer.Parameters.Count);
        Assert.Same(a, optimizer.Parameters[0]);
        Assert.Same(b, optimizer.Parameters[1]);
    }

    [Fact]
    public void ZeroGrad_AfterBackward_SetsEveryGradToNull()
    {
        var a = NewParameter();
        var b = NewParameter();
        var optimizer = new Adam([a, b]);
        (a * b).Sum().Backward();
        Assert.NotNull(a.Grad);

        optimizer.ZeroGrad();

        Assert.Null(a.Grad);
        Assert.Null(b.Grad);
    }

    [Theory]
    [MemberData(nameof(StatefulConfigs))]
    public void Step_GradientOfWrongShape_ThrowsNamingBothShapesAndLeavesParameter(string config)
    {
        var p = TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f], [3, 4]);
        var optimizer = Create(config, p);
        p.Grad = Tensor.Ones(4); // would broadcast against [3, 4]

        var ex = Assert.Throws<InvalidOperationException>(optimizer.Step);

        Assert.Contains("Parameter 0 (shape [3, 4]) has a gradient of shape [4]", ex.Message, StringComparison.Ordinal);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f], p.ToArray());
        Assert.Empty(optimizer.StateDict());
    }

    [Theory]
    [MemberData(nameof(StatefulConfigs))]
    public void LoadStateDict_StateAfterTwoSteps_ThirdStepMatchesUninterruptedBitwise(string config)
    {
        var golden = Golden.Load("adam");
        Tensor[] grads = [golden.Tensor("g0"), golden.Tensor("g1"), golden.Tensor("g2")];
        var p = golden.Tensor("p0");
        p.RequiresGrad = true;
        var optimizer = Create(config, p);
        Run(optimizer, p, grads[0], grads[1]);
        var saved = optimizer.StateDict();
        var savedValues = p.ToArray();
        Run(optimizer, p, grads[2]);

        var resumed = TestTensors.Leaf(savedValues, [3, 4]);
        var fresh = Create(config, resumed);
        fresh.LoadStateDict(saved);
        Run(fresh, resumed, grads[2]);

        Assert.NotEmpty(saved);
        Assert.Equal(p.ToArray(), resumed.ToArray());
    }

    [Fact]
    public void StateDict_TwoParameters_KeysOrderedByIndexThenStateName()
    {
        var a = NewParameter();
        var b = TestTensors.Leaf([1f, 2f], [2]);
        var optimizer = new Adam([a, b]);
        a.Grad = Tensor.Ones(2, 3);
        b.Grad = Tensor.Ones(2);
        optimizer.Step();

        var state = optimizer.StateDict();

        Assert.Equal(["0.step", "0.exp_avg", "0.exp_avg_sq", "1.step", "1.exp_avg", "1.exp_avg_sq"], state.Select(kv => kv.Key));
        Assert.Equal([[], [2, 3], [2, 3], [], [2], [2]], state.Select(kv => kv.Value.Shape.ToArray()));
    }

    [Fact]
    public void StateDict_LaterStep_DoesNotChangeEarlierSnapshot()
    {
        var p = NewParameter();
        var optimizer = new Sgd([p], 0.1f, momentum: 0.9f);
        p.Grad = Tensor.Ones(2, 3);
        optimizer.Step();
        var snapshot = optimizer.StateDict();

        optimizer.Step();

        Assert.Equal([1f, 1f, 1f, 1f, 1f, 1f], snapshot[0].Value.ToArray());
        Assert.NotEqual(snapshot[0].Value.ToArray(), optimizer.StateDict()[0].Value.ToArray());
    }

    [Theory]
    [InlineData("exp_avg", "Unexpected key 'exp_avg'")]
    [InlineData("0.momentum_buffer", "Unexpected key '0.momentum_buffer'")]
    [InlineData("x.exp_avg", "Unexpected key 'x.exp_avg'")]
    [InlineData("-1.exp_avg", "Unexpected key '-1.exp_avg'")]
    [InlineData("2.exp_avg", "State '2.exp_avg' refers to parameter 2, but this optimizer has 2 parameters")]
    public void LoadStateDict_BadKey_ThrowsNamingKey(string key, string message)
    {
        var optimizer = new Adam([NewParameter(), NewParameter()]);
        var ex = Assert.Throws<ArgumentException>(() => optimizer.LoadStateDict([new(key, Tensor.Zeros(2, 3))]));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.exp_avg", new[] { 3, 2 }, "State '0.exp_avg' has shape [3, 2], but parameter 0 needs [2, 3]")]
    [InlineData("0.step", new[] { 1 }, "State '0.step' has shape [1], but parameter 0 needs []")]
    public void LoadStateDict_WrongShape_ThrowsNamingBothShapes(string key, int[] shape, string message)
    {
        var optimizer = new Adam([NewParameter()]);
        var state = CompleteAdamState();
        state[key] = Tensor.Zeros(shape);
        var ex = Assert.Throws<ArgumentException>(() => optimizer.LoadStateDict(state));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadStateDict_IncompleteParameterState_ThrowsNamingMissingKey()
    {
        var optimizer = new Adam([NewParameter()]);
        var state = CompleteAdamState();
        state.Remove("0.step");
        var ex = Assert.Throws<ArgumentException>(() => optimizer.LoadStateDict(state));
        Assert.Contains("'0.step' is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadStateDict_RepeatedKey_Throws()
    {
        var optimizer = new Sgd([NewParameter()], 0.1f, momentum: 0.9f);
        var ex = Assert.Throws<ArgumentException>(() => optimizer.LoadStateDict([
            new("0.momentum_buffer", Tensor.Zeros(2, 3)),
            new("0.momentum_buffer", Tensor.Zeros(2, 3))]));
        Assert.Contains("'0.momentum_buffer' appears more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadStateDict_Invalid_LeavesStateUnchanged()
    {
        var p = NewParameter();
        var optimizer = new Sgd([p], 0.1f, momentum: 0.9f);
        p.Grad = Tensor.Ones(2, 3);
        optimizer.Step();

        Assert.Throws<ArgumentException>(() => optimizer.LoadStateDict([
            new("0.momentum_buffer", Tensor.Full([2, 3], 7f)),
            new("1.momentum_buffer", Tensor.Zeros(2, 3))]));

        Assert.Equal([1f, 1f, 1f, 1f, 1f, 1f], Assert.Single(optimizer.StateDict()).Value.ToArray());
    }

    [Fact]
    public void LoadStateDict_Empty_ClearsStateSoNextStepIsAFirstStep()
    {
        var p = NewParameter();
        var optimizer = new Adam([p], 0.1f);
        p.Grad = Tensor.Ones(2, 3);
        optimizer.Step();

        optimizer.LoadStateDict([]);
        optimizer.Step();

        Assert.Equal(1f, optimizer.StateDict()[0].Value.Item());
    }

    [Theory]
    [MemberData(nameof(AllConfigs))]
    public void Step_MinimisingSquaredDistanceToThree_ConvergesWithin1e3(string config)
    {
        var x = Tensor.Scalar(0f);
        x.RequiresGrad = true;
        Optimizer optimizer = config switch
        {
            "sgd" => new Sgd([x], 0.1f),
            "sgd_momentum" => new Sgd([x], 0.05f, momentum: 0.9f, dampening: 0.1f),
            "sgd_nesterov" => new Sgd([x], 0.05f, momentum: 0.9f, nesterov: true),
            "adam" => new Adam([x], 0.1f),
            "adam_wd" => new Adam([x], 0.1f, beta1: 0.5f, beta2: 0.99f),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config, "Unknown config."),
        };

        for (int i = 0; i < 1000; i++)
        {
            optimizer.ZeroGrad();
            (x - 3f).Pow(2f).Backward();
            optimizer.Step();
        }

        Assert.InRange(x.Item(), 3f - 1e-3f, 3f + 1e-3f);
    }

    /// <summary>The golden configs of sgd.json and adam.json.</summary>
    private static Optimizer Create(string config, Tensor p) => config switch
    {
        "sgd_momentum" => new Sgd([p], 0.1f, momentum: 0.9f, dampening: 0.1f, weightDecay: 0.01f),
        "sgd_nesterov" => new Sgd([p], 0.05f, momentum: 0.9f, nesterov: true),
        "adam" => new Adam([p], 0.01f),
        "adam_wd" => new Adam([p], 0.001f, beta1: 0.5f, beta2: 0.99f, eps: 1e-6f, weightDecay: 0.1f),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config, "Unknown config."),
    };

    private static void Run(Optimizer optimizer, Tensor p, params Tensor[] grads)
    {
        foreach (var g in grads)
        {
            optimizer.ZeroGrad();
            p.Grad = g;
            optimizer.Step();
        }
    }

    private static Dictionary<string, Tensor> CompleteAdamState() => new()
    {
        ["0.step"] = Tensor.Scalar(1f),
        ["0.exp_avg"] = Tensor.Zeros(2, 3),
        ["0.exp_avg_sq"] = Tensor.Zeros(2, 3),
    };

    private static Tensor NewParameter() => TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
}
