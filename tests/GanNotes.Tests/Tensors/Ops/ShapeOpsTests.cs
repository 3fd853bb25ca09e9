using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>Reshape/View, Transpose, Cat, IndexSelect, Clone.</summary>
public sealed class ShapeOpsTests
{
    [Fact]
    public void Reshape_NewShape_KeepsRowMajorOrder()
    {
        var y = Tensor.Arange(6).Reshape(3, 2);

        Assert.Equal(new float[,] { { 0, 1 }, { 2, 3 }, { 4, 5 } }, y.ToArray2D());
    }

    [Theory]
    [InlineData(new[] { -1, 3 }, new[] { 4, 3 })]
    [InlineData(new[] { 2, -1 }, new[] { 2, 6 })]
    [InlineData(new[] { 2, -1, 2 }, new[] { 2, 3, 2 })]
    [InlineData(new[] { -1 }, new[] { 12 })]
    public void Reshape_MinusOne_InfersSize(int[] request, int[] expected)
    {
        Assert.Equal(expected, Tensor.Zeros(3, 4).Reshape(request).Shape);
    }

    [Fact]
    public void Reshape_WrongCount_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(4));

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reshape_MinusOneNotDividing_ThrowsNamingShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(4, -1));

        Assert.Contains("[4, -1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reshape_TwoMinusOnes_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(-1, -1));

        Assert.Contains("[-1, -1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reshape_IsAView_SharesStorage()
    {
        var x = Tensor.Zeros(2, 3);

        x.Reshape(6).Fill_(4f);

        Assert.Equal(Enumerable.Repeat(4f, 6), x.ToArray());
    }

    [Fact]
    public void Reshape_GradientMatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Reshape(3, -1) * v[0].Reshape(3, 2).Exp(), TestTensors.Uniform([2, 3], -1f, 1f, seed: 61));
    }

    [Fact]
    public void View_SameAsReshape()
    {
        var x = TestTensors.Uniform([2, 3], -1f, 1f, seed: 62);

        var y = x.View(3, 2);

        Assert.Equal([3, 2], y.Shape);
        Assert.Equal(x.ToArray(), y.ToArray());
        Assert.Equal("ViewBackward", y.GradFn!.Name);
        GradCheck.Assert(v => v[0].View(6), x);
    }

    [Fact]
    public void Transpose_Matrix_SwapsIndices()
    {
        var y = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }).Transpose();

        Assert.Equal(new float[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } }, y.ToArray2D());
    }

    [Fact]
    public void Transpose_LargerThanOneTile_SwapsIndices()
    {
        // 40 x 70 crosses the 32 x 32 tiles of the kernel in both directions.
        var x = Tensor.Arange(40 * 70).Reshape(40, 70);

        var y = x.T.ToArray2D();

        for (int r = 0; r < 40; r++)
        {
            for (int c = 0; c < 70; c++)
            {
                Assert.Equal((r * 70) + c, y[c, r]);
            }
        }
    }

    [Fact]
    public void Transpose_GradientMatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].T, TestTensors.Uniform([2, 3], -1f, 1f, seed: 63));
    }

    [Fact]
    public void Transpose_NotTwoDimensional_ThrowsNamingShape()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 3, 4).Transpose());

        Assert.Contains("[2, 3, 4]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_DimZero_StacksRows()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 } });
        var b = Tensor.FromArray(new float[,] { { 3, 4 }, { 5, 6 } });

        Assert.Equal(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, Tensor.Cat([a, b]).ToArray2D());
    }

    [Fact]
    public void Cat_LastDim_JoinsColumns()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 9 }, { 8 } });

        Assert.Equal(new float[,] { { 1, 2, 9 }, { 3, 4, 8 } }, Tensor.Cat([a, b], dim: -1).ToArray2D());
    }

    [Fact]
    public void Cat_MiddleDimOfThreeD_InterleavesBlocks()
    {
        var a = Tensor.Arange(4).Reshape(2, 1, 2);          // [[[0, 1]], [[2, 3]]]
        var b = (Tensor.Arange(8) + 10f).Reshape(2, 2, 2); // [[[10, 11], [12, 13]], [[14, 15], [16, 17]]]

        var y = Tensor.Cat([a, b], dim: 1);

        TensorAssert.Close([2, 3, 2], [0f, 1f, 10f, 11f, 12f, 13f, 2f, 3f, 14f, 15f, 16f, 17f], y);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Cat_ThreeInputs_GradientMatchesFiniteDifferences(int dim)
    {
        int[] Shape(int size) => dim == 0 ? [size, 3] : [2, size];
        var a = TestTensors.Uniform(Shape(1), -1f, 1f, seed: 64);
        var b = TestTensors.Uniform(Shape(2), -1f, 1f, seed: 65);
        var c = TestTensors.Uniform(Shape(3), -1f, 1f, seed: 66);

        GradCheck.Assert(v => Tensor.Cat(v, dim), a, b, c);
    }

    [Fact]
    public void Cat_MiddleDim_GradientMatchesFiniteDifferences()
    {
        var a = TestTensors.Uniform([2, 2, 3], -1f, 1f, seed: 67);
        var b = TestTensors.Uniform([2, 1, 3], -1f, 1f, seed: 68);

        GradCheck.Assert(v => Tensor.Cat(v, 1), a, b);
    }

    [Fact]
    public void Cat_OneInputWithoutGrad_OthersStillGetTheirSlice()
    {
        var a = TestTensors.Leaf([1f, 2f], [1, 2]);
        var constant = Tensor.FromArray([3f, 4f], 1, 2);

        (Tensor.Cat([a, constant]) * Tensor.FromArray([10f, 20f, 30f, 40f], 2, 2)).Sum().Backward();

        Assert.Equal([10f, 20f], a.Grad!.ToArray());
        Assert.Null(constant.Grad);
    }

    [Fact]
    public void Cat_ShapesDifferOutsideDim_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Cat([Tensor.Zeros(2, 3), Tensor.Zeros(4, 5)]));

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 5]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_DifferentRanks_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Cat([Tensor.Zeros(2, 3), Tensor.Zeros(3)]));

        Assert.Contains("[3]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_EmptyList_Throws()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Cat([]));
    }

    [Fact]
    public void IndexSelect_Rows_PicksInOrderWithRepeats()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });

        var y = x.IndexSelect([2, 0, 2]);

        Assert.Equal(new float[,] { { 5, 6 }, { 1, 2 }, { 5, 6 } }, y.ToArray2D());
    }

    [Fact]
    public void IndexSelect_Vector_PicksElements()
    {
        Assert.Equal([30f, 10f], Tensor.FromArray([10f, 20f, 30f]).IndexSelect([2, 0]).ToArray());
    }

    [Fact]
    public void IndexSelect_EmptyIndex_GivesZeroRows()
    {
        Assert.Equal([0, 2], Tensor.Zeros(3, 2).IndexSelect([]).Shape);
    }

    [Fact]
    public void IndexSelect_RepeatedIndex_GradientAccumulates()
    {
        var x = TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [3, 2]);

        x.IndexSelect([2, 0, 2]).Sum().Backward();

        Assert.Equal([1f, 1f, 0f, 0f, 2f, 2f], x.Grad!.ToArray());
    }

    [Fact]
    public void IndexSelect_GradientMatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].IndexSelect([3, 1, 3, 0]), TestTensors.Uniform([4, 2, 3], -1f, 1f, seed: 69));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(100)]
    public void IndexSelect_OutOfRange_ThrowsNamingIndexAndSize(int bad)
    {
        var x = Tensor.Zeros(3, 2);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => x.IndexSelect([0, bad]));

        Assert.Contains($"index {bad} ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("size 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexSelect_ScalarTensor_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Tensor.Scalar(1f).IndexSelect([0]));
    }

    [Fact]
    public void Clone_Copy_HasOwnStorage()
    {
        var x = Tensor.FromArray([1f, 2f]);

        var y = x.Clone();
        y.Fill_(0f);

        Assert.Equal([1f, 2f], x.ToArray());
    }

    [Fact]
    public void Clone_GradientMatchesFiniteDifferences()
    {
        var x = TestTensors.Uniform([2, 3], -1f, 1f, seed: 70);

        Assert.Equal("CloneBackward", x.Clone().GradFn!.Name);
        GradCheck.Assert(v => v[0].Clone() * v[0], x);
    }
}

/// <summary>Permute and Flatten: values, the inverse permutation in the gradient, and errors.</summary>
public sealed class PermuteAndFlattenTests
{
    [Theory]
    [InlineData(new[] { 0, 2, 1 })]
    [InlineData(new[] { 1, 0, 2 })]
    [InlineData(new[] { 2, 0, 1 })]
    public void Permute_MovesEveryValue(int[] dims)
    {
        var x = Tensor.FromArray([.. Enumerable.Range(0, 24).Select(i => (float)i)], [2, 3, 4]);
        var y = x.Permute(dims);
        int[] shape = [.. x.Shape];
        Assert.Equal(dims.Select(d => shape[d]), y.Shape);
        var values = y.ToArray();
        // y[i0, i1, i2] = x[idx] where x's dimension dims[k] takes index i_k.
        for (int flat = 0; flat < values.Length; flat++)
        {
            int[] yi = [flat / (y.Size(1) * y.Size(2)), flat / y.Size(2) % y.Size(1), flat % y.Size(2)];
            var xi = new int[3];
            for (int k = 0; k < 3; k++)
            {
                xi[dims[k]] = yi[k];
            }
            Assert.Equal((xi[0] * 12) + (xi[1] * 4) + xi[2], values[flat]);
        }
    }

    [Fact]
    public void Permute_Gradients_MatchFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Permute(0, 2, 1), TestTensors.Uniform([2, 3, 5], -1f, 1f, seed: 1));
        GradCheck.Assert(v => v[0].Permute(3, 1, 0, 2), TestTensors.Uniform([2, 3, 2, 2], -1f, 1f, seed: 2));
    }

    [Fact]
    public void Permute_NotAPermutation_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Permute(0, 0));
        Assert.Contains("not a permutation", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Permute(0, 1, 2));
        Assert.Equal([3, 2], Tensor.Zeros(2, 3).Permute(-1, 0).Shape);
    }

    [Fact]
    public void Flatten_MergesTheRange()
    {
        var x = Tensor.Zeros(2, 3, 4, 5);
        Assert.Equal([2, 60], x.Flatten(1).Shape);
        Assert.Equal([120], x.Flatten().Shape);
        Assert.Equal([2, 12, 5], x.Flatten(1, 2).Shape);
        Assert.Throws<ArgumentException>(() => x.Flatten(2, 1));
    }
}
