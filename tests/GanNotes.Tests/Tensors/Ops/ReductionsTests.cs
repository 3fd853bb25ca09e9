using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>Sum and Mean (all, along a dimension), BroadcastTo and SumTo.</summary>
public sealed class ReductionsTests
{
    private static Tensor Matrix23() => Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    [Fact]
    public void Sum_All_IsZeroDimensional()
    {
        var y = Matrix23().Sum();

        Assert.Empty(y.Shape);
        Assert.Equal(21f, y.Item());
    }

    [Fact]
    public void Sum_EmptyTensor_IsZero()
    {
        Assert.Equal(0f, Tensor.Zeros(0).Sum().Item());
    }

    [Theory]
    [InlineData(0, false, new[] { 3 }, new[] { 5f, 7f, 9f })]
    [InlineData(1, false, new[] { 2 }, new[] { 6f, 15f })]
    [InlineData(-1, false, new[] { 2 }, new[] { 6f, 15f })]
    [InlineData(0, true, new[] { 1, 3 }, new[] { 5f, 7f, 9f })]
    [InlineData(-1, true, new[] { 2, 1 }, new[] { 6f, 15f })]
    public void Sum_Dim_MatchesHandComputed(int dim, bool keepDim, int[] shape, float[] expected)
    {
        TensorAssert.Close(shape, expected, Matrix23().Sum(dim, keepDim));
    }

    [Fact]
    public void Sum_MiddleDimOfThreeD_SumsStridedElements()
    {
        // x[i, j, k] = 12i + 4j + k; sum over j: 3 * (12i + k) + 12.
        var x = Tensor.Arange(24).Reshape(2, 3, 4);

        var y = x.Sum(1);

        TensorAssert.Close([2, 4], [12f, 15f, 18f, 21f, 48f, 51f, 54f, 57f], y);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    public void Sum_Dim_GradientMatchesFiniteDifferences(int dim, bool keepDim)
    {
        GradCheck.Assert(v => v[0].Sum(dim, keepDim), TestTensors.Uniform([2, 3, 4], -1f, 1f, seed: 41));
    }

    [Fact]
    public void Sum_All_GradientMatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Sum(), TestTensors.Uniform([2, 3], -1f, 1f, seed: 42));
    }

    [Fact]
    public void Sum_All_GradIsOnes()
    {
        var x = TestTensors.Uniform([2, 3], -1f, 1f, seed: 43);

        x.Sum().Backward();

        Assert.Equal(Enumerable.Repeat(1f, 6), x.Grad!.ToArray());
    }

    [Fact]
    public void Sum_DimOutOfRange_ThrowsNamingDim()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix23().Sum(2));

        Assert.Contains("2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mean_All_IsAverage()
    {
        Assert.Equal(3.5f, Matrix23().Mean().Item());
    }

    [Theory]
    [InlineData(0, new[] { 3 }, new[] { 2.5f, 3.5f, 4.5f })]
    [InlineData(1, new[] { 2 }, new[] { 2f, 5f })]
    public void Mean_Dim_MatchesHandComputed(int dim, int[] shape, float[] expected)
    {
        TensorAssert.Close(shape, expected, Matrix23().Mean(dim));
    }

    [Fact]
    public void Mean_DimKeepDim_KeepsSizeOne()
    {
        TensorAssert.Close([2, 1], [2f, 5f], Matrix23().Mean(1, keepDim: true));
    }

    [Fact]
    public void Mean_All_GradientMatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Mean(), TestTensors.Uniform([3, 4], -1f, 1f, seed: 44));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    public void Mean_Dim_GradientMatchesFiniteDifferences(int dim, bool keepDim)
    {
        GradCheck.Assert(v => v[0].Mean(dim, keepDim), TestTensors.Uniform([2, 3, 4], -1f, 1f, seed: 45));
    }

    [Fact]
    public void Mean_EmptyTensor_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(0).Mean());
    }

    [Fact]
    public void Mean_EmptyDim_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 0).Mean(1));
    }

    [Fact]
    public void BroadcastTo_Row_RepeatsRows()
    {
        var y = Tensor.FromArray([1f, 2f, 3f]).BroadcastTo([2, 3]);

        Assert.Equal(new float[,] { { 1, 2, 3 }, { 1, 2, 3 } }, y.ToArray2D());
    }

    [Fact]
    public void BroadcastTo_Column_RepeatsColumns()
    {
        var y = Tensor.FromArray([1f, 2f], 2, 1).BroadcastTo([2, 3]);

        Assert.Equal(new float[,] { { 1, 1, 1 }, { 2, 2, 2 } }, y.ToArray2D());
    }

    [Fact]
    public void BroadcastTo_Scalar_FillsShape()
    {
        var y = Tensor.Scalar(7f).BroadcastTo([2, 2]);

        Assert.Equal(new float[,] { { 7, 7 }, { 7, 7 } }, y.ToArray2D());
    }

    [Fact]
    public void BroadcastTo_MiddleDim_RepeatsInThreeD()
    {
        var y = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 1, 2).BroadcastTo([2, 3, 2]);

        TensorAssert.Close([2, 3, 2], [1f, 2f, 1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f, 3f, 4f], y);
    }

    [Theory]
    [InlineData(new[] { 3 }, new[] { 2, 3 })]
    [InlineData(new[] { 2, 1 }, new[] { 2, 3 })]
    [InlineData(new int[0], new[] { 2, 3 })]
    [InlineData(new[] { 1, 3, 1 }, new[] { 2, 3, 4 })]
    public void BroadcastTo_GradientMatchesFiniteDifferences(int[] from, int[] to)
    {
        GradCheck.Assert(v => v[0].BroadcastTo(to), TestTensors.Uniform(from, -1f, 1f, seed: 46));
    }

    [Fact]
    public void BroadcastTo_Incompatible_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(3).BroadcastTo([2, 4]));

        Assert.Contains("[3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 4]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 3 }, new[] { 5f, 7f, 9f })]
    [InlineData(new[] { 1, 3 }, new[] { 5f, 7f, 9f })]
    [InlineData(new[] { 2, 1 }, new[] { 6f, 15f })]
    [InlineData(new int[0], new[] { 21f })]
    public void SumTo_Target_SumsBroadcastDims(int[] target, float[] expected)
    {
        TensorAssert.Close(target, expected, Matrix23().SumTo(target));
    }

    [Theory]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 2, 1, 4 })]
    [InlineData(new int[0])]
    public void SumTo_GradientMatchesFiniteDifferences(int[] target)
    {
        GradCheck.Assert(v => v[0].SumTo(target), TestTensors.Uniform([2, 3, 4], -1f, 1f, seed: 47));
    }

    [Fact]
    public void SumTo_Incompatible_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Matrix23().SumTo([2]));

        Assert.Contains("[2]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
    }
}
