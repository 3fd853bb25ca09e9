using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>Exp, Log, Sqrt, Pow, Clamp.</summary>
public sealed class UnaryMathTests
{
    [Fact]
    public void Exp_Values_MatchHandComputed()
    {
        var y = Tensor.FromArray([0f, 1f, -1f, MathF.Log(5f)]).Exp();

        TensorAssert.Close([4], [1f, MathF.E, 1f / MathF.E, 5f], y, 1e-6);
    }

    [Fact]
    public void Exp_Gradient_MatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Exp(), TestTensors.Uniform([3, 4], -2f, 2f, seed: 21));
    }

    [Fact]
    public void Log_Values_MatchHandComputed()
    {
        var y = Tensor.FromArray([1f, MathF.E, 0.25f, 0f, -1f]).Log();

        TensorAssert.Close([5], [0f, 1f, -MathF.Log(4f), float.NegativeInfinity, float.NaN], y, 1e-6);
    }

    [Fact]
    public void Log_Gradient_MatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Log(), TestTensors.Uniform([3, 4], 0.5f, 3f, seed: 22));
    }

    [Fact]
    public void Sqrt_Values_MatchHandComputed()
    {
        var y = Tensor.FromArray([0f, 4f, 2.25f, -1f]).Sqrt();

        TensorAssert.Close([4], [0f, 2f, 1.5f, float.NaN], y);
    }

    [Fact]
    public void Sqrt_Gradient_MatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Sqrt(), TestTensors.Uniform([3, 4], 0.5f, 3f, seed: 23));
    }

    [Fact]
    public void Sqrt_Gradient_IsOneOverTwoSqrt()
    {
        var x = TestTensors.Leaf([4f, 0.25f], [2]);

        x.Sqrt().Sum().Backward();

        TensorAssert.Close([2], [0.25f, 1f], x.Grad!);
    }

    [Theory]
    [InlineData(2f, new[] { 4f, 0.25f, 9f })]
    [InlineData(3f, new[] { 8f, 0.125f, 27f })]
    [InlineData(0.5f, new[] { 1.41421356f, 0.70710678f, 1.73205081f })]
    [InlineData(-1f, new[] { 0.5f, 2f, 0.33333333f })]
    [InlineData(1f, new[] { 2f, 0.5f, 3f })]
    [InlineData(0f, new[] { 1f, 1f, 1f })]
    public void Pow_PositiveBase_MatchesHandComputed(float exponent, float[] expected)
    {
        var y = Tensor.FromArray([2f, 0.5f, 3f]).Pow(exponent);

        TensorAssert.Close([3], expected, y, 1e-6);
    }

    [Fact]
    public void Pow_NegativeBaseIntegerExponent_KeepsSign()
    {
        var x = Tensor.FromArray([-2f, -0.5f]);

        TensorAssert.Close([2], [4f, 0.25f], x.Pow(2f));
        TensorAssert.Close([2], [-8f, -0.125f], x.Pow(3f));
    }

    [Theory]
    [InlineData(2f)]
    [InlineData(3f)]
    [InlineData(0.5f)]
    [InlineData(-1f)]
    [InlineData(-2.5f)]
    [InlineData(1.5f)]
    [InlineData(1f)]
    [InlineData(0f)]
    public void Pow_PositiveBase_GradientMatchesFiniteDifferences(float exponent)
    {
        GradCheck.Assert(v => v[0].Pow(exponent), TestTensors.Uniform([2, 3], 0.5f, 2f, seed: 24));
    }

    [Theory]
    [InlineData(2f)]
    [InlineData(3f)]
    public void Pow_NegativeBaseIntegerExponent_GradientMatchesFiniteDifferences(float exponent)
    {
        GradCheck.Assert(v => v[0].Pow(exponent), TestTensors.AwayFromZero([2, 3], 0.5f, 2f, seed: 25));
    }

    [Fact]
    public void Pow_Gradient_IsExponentTimesPowerMinusOne()
    {
        var x = TestTensors.Leaf([2f, 3f], [2]);

        x.Pow(3f).Sum().Backward();

        TensorAssert.Close([2], [12f, 27f], x.Grad!);
    }

    [Fact]
    public void Clamp_Values_LimitToRange()
    {
        var y = Tensor.FromArray([-2f, -1f, 0.5f, 1f, 3f]).Clamp(-1f, 1f);

        Assert.Equal([-1f, -1f, 0.5f, 1f, 1f], y.ToArray());
    }

    [Fact]
    public void Clamp_Gradient_MatchesFiniteDifferencesAwayFromBounds()
    {
        // Every value is at least 0.2 (>> h = 1e-3) from the bounds -1 and 1.
        var x = TestTensors.Leaf([-2f, -1.3f, -0.8f, -0.1f, 0.4f, 0.8f, 1.2f, 2.5f], [2, 4]);

        GradCheck.Assert(v => v[0].Clamp(-1f, 1f), x);
    }

    [Fact]
    public void Clamp_Gradient_IsOneInsideAndAtBoundsZeroOutside()
    {
        // At the bounds the gradient passes through, as in PyTorch.
        var x = TestTensors.Leaf([-2f, -1f, 0f, 1f, 2f], [5]);

        x.Clamp(-1f, 1f).Sum().Backward();

        Assert.Equal([0f, 1f, 1f, 1f, 0f], x.Grad!.ToArray());
    }

    [Fact]
    public void Clamp_MinAboveMax_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Ones(2).Clamp(3f, -2f));

        Assert.Contains("3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("-2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnaryOps_GradFnNames_FollowPyTorch()
    {
        var x = TestTensors.Leaf([1f], [1]);

        Assert.Equal("ExpBackward", x.Exp().GradFn!.Name);
        Assert.Equal("LogBackward", x.Log().GradFn!.Name);
        Assert.Equal("SqrtBackward", x.Sqrt().GradFn!.Name);
        Assert.Equal("PowBackward", x.Pow(2f).GradFn!.Name);
        Assert.Equal("ClampBackward", x.Clamp(0f, 2f).GradFn!.Name);
    }
}
