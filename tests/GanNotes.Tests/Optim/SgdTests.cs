using System.Globalization;
using GanNotes.Optim;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Optim;

/// <summary>SGD against PyTorch 1.13's torch.optim.SGD (tests/data/golden/sgd.json).</summary>
public class SgdTests
{
    // |actual - expected| <= Atol + Rtol |expected|: the same float32 operations in the
    // same order as PyTorch; only the hyperparameters differ (float here, double there).
    private const float Atol = 1e-6f;
    private const float Rtol = 1e-5f;

    [Theory]
    [InlineData("sgd_plain")]
    [InlineData("sgd_momentum")]
    [InlineData("sgd_nesterov")]
    public void Step_GoldenConfig_MatchesPyTorchForThreeSteps(string config)
    {
        var golden = Golden.Load("sgd");
        var p = golden.Tensor("p0");
        p.RequiresGrad = true;
        var optimizer = new Sgd([p],
            lr: golden.Scalar(config + ".lr"),
            momentum: golden.Scalar(config + ".momentum"),
            dampening: golden.Scalar(config + ".dampening"),
            nesterov: golden.Scalar(config + ".nesterov") != 0f,
            weightDecay: golden.Scalar(config + ".weight_decay"));

        foreach (int step in new[] { 1, 2, 3 })
        {
            optimizer.ZeroGrad();
            p.Grad = golden.Tensor("g" + (step - 1).ToString(CultureInfo.InvariantCulture));
            optimizer.Step();
            golden.AssertClose(config + ".p" + step.ToString(CultureInfo.InvariantCulture), p, Atol, Rtol);
        }
    }

    [Theory]
    [InlineData(-1f, 0f, 0f, "lr", "Invalid learning rate: -1")]
    [InlineData(float.NaN, 0f, 0f, "lr", "Invalid learning rate: NaN")]
    [InlineData(0.1f, -0.5f, 0f, "momentum", "Invalid momentum value: -0.5")]
    [InlineData(0.1f, 0f, -0.25f, "weightDecay", "Invalid weight_decay value: -0.25")]
    public void Constructor_InvalidHyperparameter_ThrowsNamingValue(float lr, float momentum, float weightDecay, string paramName, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([NewParameter()], lr, momentum, weightDecay: weightDecay));
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(0.9f, 0.1f)]
    public void Constructor_NesterovWithoutMomentumOrWithDampening_Throws(float momentum, float dampening)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Sgd([NewParameter()], 0.1f, momentum, dampening, nesterov: true));
        Assert.Contains("Nesterov momentum requires a momentum and zero dampening", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_ParameterWithNullGrad_IsUntouchedAndHasNoState()
    {
        var withGrad = NewParameter();
        var withoutGrad = NewParameter();
        var before = withoutGrad.ToArray();
        var optimizer = new Sgd([withGrad, withoutGrad], 0.1f, momentum: 0.9f, weightDecay: 0.1f);

        withGrad.Grad = Tensor.Ones(2, 3);
        optimizer.Step();
        optimizer.Step();

        Assert.Equal(before, withoutGrad.ToArray());
        Assert.Equal(["0.momentum_buffer"], optimizer.StateDict().Select(kv => kv.Key));
    }

    [Fact]
    public void Step_Always_WritesIntoTheSameStorageWithoutRecording()
    {
        var p = NewParameter();
        var alias = p.Detach(); // shares p's storage
        var optimizer = new Sgd([p], 0.5f);
        p.Grad = Tensor.Ones(2, 3);

        optimizer.Step();

        Assert.Equal([0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f], alias.ToArray());
        Assert.True(p.IsLeaf);
        Assert.True(p.RequiresGrad);
    }

    [Fact]
    public void Step_FirstMomentumStep_CopiesGradientIntoBuffer()
    {
        var p = NewParameter();
        var optimizer = new Sgd([p], 0.1f, momentum: 0.9f, dampening: 0.5f);
        var g = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        p.Grad = g;

        optimizer.Step();
        g.Fill_(100f); // the caller reuses its gradient tensor

        // No dampening on the first step (PyTorch), and the buffer does not alias the gradient.
        var buffer = Assert.Single(optimizer.StateDict()).Value;
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], buffer.ToArray());
    }

    [Fact]
    public void Step_PlainSgd_KeepsNoState()
    {
        var p = NewParameter();
        var optimizer = new Sgd([p], 0.1f);
        p.Grad = Tensor.Ones(2, 3);

        optimizer.Step();

        Assert.Empty(optimizer.StateDict());
    }

    private static Tensor NewParameter() => TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);

    [Fact]
    public void Momentum_ChangedBetweenSteps_UsedByNextStep()
    {
        var p = Tensor.FromArray([1f]);
        p.RequiresGrad = true;
        var sgd = new Sgd([p], lr: 0.1f, momentum: 0.5f);
        p.Grad = Tensor.FromArray([1f]);
        sgd.Step();                 // buf = 1, p = 0.9
        sgd.Momentum = 0.7f;
        sgd.Lr = 0.2f;
        sgd.Step();                 // buf = 0.7 + 1 = 1.7, p = 0.9 - 0.34
        Assert.Equal(0.9f - (0.2f * 1.7f), p.ToArray()[0], 6);
        Assert.Throws<InvalidOperationException>(() => sgd.Momentum = 0f);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.Lr = -1f);
    }
}
