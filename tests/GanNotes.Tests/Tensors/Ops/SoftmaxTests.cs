using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>Softmax and LogSoftmax along a dimension.</summary>
public sealed class SoftmaxTests
{
    [Fact]
    public void Softmax_Vector_IsNormalisedExp()
    {
        // e^0 : e^ln2 : e^ln3 = 1 : 2 : 3
        var y = Tensor.FromArray([0f, MathF.Log(2f), MathF.Log(3f)]).Softmax(0);

        TensorAssert.Close([3], [1f / 6f, 2f / 6f, 3f / 6f], y);
    }

    [Fact]
    public void Softmax_LastDimOfMatrix_NormalisesEachRow()
    {
        var x = Tensor.FromArray(new float[,] { { 0, 0 }, { 0, MathF.Log(3f) } });

        TensorAssert.Close([2, 2], [0.5f, 0.5f, 0.25f, 0.75f], x.Softmax(-1));
    }

    [Fact]
    public void Softmax_FirstDimOfMatrix_NormalisesEachColumn()
    {
        var x = Tensor.FromArray(new float[,] { { 0, 0 }, { 0, MathF.Log(3f) } });

        TensorAssert.Close([2, 2], [0.5f, 0.25f, 0.5f, 0.75f], x.Softmax(0));
    }

    [Fact]
    public void Softmax_MiddleDimOfThreeD_SumsToOneAlongIt()
    {
        var x = TestTensors.Uniform([2, 3, 4], -3f, 3f, seed: 51, requiresGrad: false);

        var sums = x.Softmax(1).Sum(1);

        TensorAssert.Close([2, 4], Enumerable.Repeat(1f, 8).ToArray(), sums);
    }

    [Fact]
    public void Softmax_LargeLogits_DoesNotOverflow()
    {
        var y = Tensor.FromArray([1000f, 1000f, -1000f]).Softmax(0);

        TensorAssert.Close([3], [0.5f, 0.5f, 0f], y);
    }

    [Fact]
    public void LogSoftmax_Vector_IsLogOfSoftmax()
    {
        var y = Tensor.FromArray([0f, MathF.Log(2f), MathF.Log(3f)]).LogSoftmax(0);

        TensorAssert.Close([3], [MathF.Log(1f / 6f), MathF.Log(2f / 6f), MathF.Log(3f / 6f)], y);
    }

    [Fact]
    public void LogSoftmax_FarApartLogits_StaysFinite()
    {
        // softmax would round the second probability to 0; its log must still be -1000.
        var y = Tensor.FromArray([1000f, 0f]).LogSoftmax(0);

        TensorAssert.Close([2], [0f, -1000f], y);
    }

    [Fact]
    public void LogSoftmax_FirstDimOfMatrix_MatchesHandComputed()
    {
        var x = Tensor.FromArray(new float[,] { { 0, 0 }, { 0, MathF.Log(3f) } });

        TensorAssert.Close([2, 2], [MathF.Log(0.5f), MathF.Log(0.25f), MathF.Log(0.5f), MathF.Log(0.75f)], x.LogSoftmax(0));
    }

    [Theory]
    [InlineData(new[] { 5 }, 0)]
    [InlineData(new[] { 3, 4 }, 0)]
    [InlineData(new[] { 3, 4 }, 1)]
    [InlineData(new[] { 3, 4 }, -1)]
    [InlineData(new[] { 2, 3, 4 }, 1)]
    public void Softmax_GradientMatchesFiniteDifferences(int[] shape, int dim)
    {
        GradCheck.Assert(v => v[0].Softmax(dim), TestTensors.Uniform(shape, -2f, 2f, seed: 52));
    }

    [Theory]
    [InlineData(new[] { 5 }, 0)]
    [InlineData(new[] { 3, 4 }, 0)]
    [InlineData(new[] { 3, 4 }, 1)]
    [InlineData(new[] { 3, 4 }, -1)]
    [InlineData(new[] { 2, 3, 4 }, 1)]
    public void LogSoftmax_GradientMatchesFiniteDifferences(int[] shape, int dim)
    {
        GradCheck.Assert(v => v[0].LogSoftmax(dim), TestTensors.Uniform(shape, -2f, 2f, seed: 53));
    }

    [Fact]
    public void Softmax_DimOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Softmax(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).LogSoftmax(-3));
    }

    [Fact]
    public void Softmax_GradFnNames_FollowPyTorch()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);

        Assert.Equal("SoftmaxBackward", x.Softmax(0).GradFn!.Name);
        Assert.Equal("LogSoftmaxBackward", x.LogSoftmax(0).GradFn!.Name);
    }
}
