using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>ReLU, LeakyReLU, Sigmoid, Tanh.</summary>
public sealed class ActivationsTests
{
    [Fact]
    public void Relu_Values_ZeroBelowIdentityAbove()
    {
        var y = Tensor.FromArray([-1.5f, 0f, 2f, -0.01f]).Relu();

        Assert.Equal([0f, 0f, 2f, 0f], y.ToArray());
    }

    [Fact]
    public void Relu_Gradient_MatchesFiniteDifferences()
    {
        // |x| >= 0.1 >> h: no element straddles the kink.
        GradCheck.Assert(v => v[0].Relu(), TestTensors.AwayFromZero([3, 4], 0.1f, 2f, seed: 31));
    }

    [Fact]
    public void Relu_GradientAtZero_IsZeroAsInPyTorch()
    {
        var x = TestTensors.Leaf([-1f, 0f, 1f], [3]);

        x.Relu().Sum().Backward();

        Assert.Equal([0f, 0f, 1f], x.Grad!.ToArray());
    }

    [Fact]
    public void LeakyRelu_DefaultSlope_IsOneHundredth()
    {
        var y = Tensor.FromArray([-2f, 3f]).LeakyRelu();

        TensorAssert.Close([2], [-0.02f, 3f], y);
    }

    [Fact]
    public void LeakyRelu_Slope_ScalesNegatives()
    {
        var y = Tensor.FromArray([-2f, 0f, 3f]).LeakyRelu(0.2f);

        TensorAssert.Close([3], [-0.4f, 0f, 3f], y);
    }

    [Theory]
    [InlineData(0.01f)]
    [InlineData(0.2f)]
    [InlineData(0f)]
    public void LeakyRelu_Gradient_MatchesFiniteDifferences(float slope)
    {
        GradCheck.Assert(v => v[0].LeakyRelu(slope), TestTensors.AwayFromZero([3, 4], 0.1f, 2f, seed: 32));
    }

    [Fact]
    public void LeakyRelu_GradientAtZero_IsSlope()
    {
        var x = TestTensors.Leaf([-1f, 0f, 1f], [3]);

        x.LeakyRelu(0.2f).Sum().Backward();

        TensorAssert.Close([3], [0.2f, 0.2f, 1f], x.Grad!);
    }

    [Fact]
    public void Sigmoid_Values_MatchHandComputed()
    {
        var y = Tensor.FromArray([0f, MathF.Log(3f), -MathF.Log(3f)]).Sigmoid();

        TensorAssert.Close([3], [0.5f, 0.75f, 0.25f], y);
    }

    [Fact]
    public void Sigmoid_ExtremeInputs_SaturateWithoutNaN()
    {
        var x = TestTensors.Leaf([-100f, 100f], [2]);

        var y = x.Sigmoid();
        y.Sum().Backward();

        TensorAssert.Close([2], [0f, 1f], y);
        TensorAssert.Close([2], [0f, 0f], x.Grad!);
    }

    [Fact]
    public void Sigmoid_Gradient_MatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Sigmoid(), TestTensors.Uniform([3, 4], -4f, 4f, seed: 33));
    }

    [Fact]
    public void Tanh_Values_MatchHandComputed()
    {
        var y = Tensor.FromArray([0f, 0.5f * MathF.Log(3f), -20f, 20f]).Tanh();

        TensorAssert.Close([4], [0f, 0.5f, -1f, 1f], y); // tanh(ln(3)/2) = 1/2
    }

    [Fact]
    public void Tanh_Gradient_MatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Tanh(), TestTensors.Uniform([3, 4], -3f, 3f, seed: 34));
    }

    [Fact]
    public void Activations_GradFnNames_FollowPyTorch()
    {
        var x = TestTensors.Leaf([1f], [1]);

        Assert.Equal("ReluBackward", x.Relu().GradFn!.Name);
        Assert.Equal("LeakyReluBackward", x.LeakyRelu().GradFn!.Name);
        Assert.Equal("SigmoidBackward", x.Sigmoid().GradFn!.Name);
        Assert.Equal("TanhBackward", x.Tanh().GradFn!.Name);
    }
}
