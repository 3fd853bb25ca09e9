using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>MatMul and its transposed forms.</summary>
public sealed class MatMulTests
{
    [Fact]
    public void MatMul_TwoByThreeTimesThreeByTwo_MatchesHandComputed()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = Tensor.FromArray(new float[,] { { 7, 8 }, { 9, 10 }, { 11, 12 } });

        Assert.Equal(new float[,] { { 58, 64 }, { 139, 154 } }, a.MatMul(b).ToArray2D());
    }

    [Fact]
    public void MatMul_TransposedOperands_ReadInPlace()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 4 }, { 2, 5 }, { 3, 6 } });      // A^T stored
        var b = Tensor.FromArray(new float[,] { { 7, 9, 11 }, { 8, 10, 12 } });      // B^T stored

        Assert.Equal(new float[,] { { 58, 64 }, { 139, 154 } }, Tensor.MatMul(a, true, b, true).ToArray2D());
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(17, 33, 65)]
    [InlineData(64, 64, 64)]
    [InlineData(70, 129, 33)]
    public void MatMul_AllTransposeCombinations_MatchDoubleReference(int m, int k, int n)
    {
        var aValues = TestTensors.Uniform([m * k], -1f, 1f, seed: 71, requiresGrad: false).ToArray();
        var bValues = TestTensors.Uniform([k * n], -1f, 1f, seed: 72, requiresGrad: false).ToArray();
        var expected = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                {
                    s += (double)aValues[(i * k) + p] * bValues[(p * n) + j];
                }
                expected[(i * n) + j] = (float)s;
            }
        }

        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                // Store op(A) = A by storing A^T when transposed; likewise for B.
                var a = ta ? Tensor.FromArray(aValues, m, k).T : Tensor.FromArray(aValues, m, k);
                var b = tb ? Tensor.FromArray(bValues, k, n).T : Tensor.FromArray(bValues, k, n);

                var y = Tensor.MatMul(a, ta, b, tb);

                TensorAssert.Close([m, n], expected, y, 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void MatMul_Transposes_GradientMatchesFiniteDifferences(bool transposeA, bool transposeB)
    {
        // m = 2, k = 3, n = 4: every size distinct, so a swapped dimension cannot pass.
        var a = TestTensors.Uniform(transposeA ? [3, 2] : [2, 3], -1f, 1f, seed: 73);
        var b = TestTensors.Uniform(transposeB ? [4, 3] : [3, 4], -1f, 1f, seed: 74);

        GradCheck.Assert(v => Tensor.MatMul(v[0], transposeA, v[1], transposeB), a, b);
    }

    [Fact]
    public void MatMul_OnlyRightRequiresGrad_GradientMatchesFiniteDifferences()
    {
        var a = TestTensors.Uniform([2, 3], -1f, 1f, seed: 75, requiresGrad: false);
        var b = TestTensors.Uniform([3, 4], -1f, 1f, seed: 76);

        GradCheck.Assert(v => v[0].MatMul(v[1]), a, b);
    }

    [Fact]
    public void MatMul_Gradient_IsUpstreamTimesOtherTransposed()
    {
        var a = TestTensors.Leaf([1f, 2f, 3f, 4f], [2, 2]);
        var b = TestTensors.Leaf([5f, 6f, 7f, 8f], [2, 2]);

        a.MatMul(b).Sum().Backward();

        Assert.Equal([11f, 15f, 11f, 15f], a.Grad!.ToArray()); // ones * B^T: row sums of B
        Assert.Equal([4f, 4f, 6f, 6f], b.Grad!.ToArray());     // A^T * ones: column sums of A
        Assert.Equal("MmBackward", a.MatMul(b).GradFn!.Name);
    }

    [Fact]
    public void MatMul_InnerSizesDiffer_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(4, 5)));

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 5]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatMul_TransposedInnerSizesDiffer_ThrowsMarkingTheTranspose()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.MatMul(Tensor.Zeros(2, 3), true, Tensor.Zeros(3, 4), false));

        Assert.Contains("[2, 3]^T", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 4]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatMul_NotTwoDimensional_ThrowsNamingShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(3).MatMul(Tensor.Zeros(3, 2)));

        Assert.Contains("[3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void AddMatMul_Transposes_GradientMatchesFiniteDifferences(bool transposeA, bool transposeB)
    {
        var bias = TestTensors.Uniform([4], -1f, 1f, seed: 81);
        var a = TestTensors.Uniform(transposeA ? [3, 2] : [2, 3], -1f, 1f, seed: 82);
        var b = TestTensors.Uniform(transposeB ? [4, 3] : [3, 4], -1f, 1f, seed: 83);

        GradCheck.Assert(v => Tensor.AddMatMul(v[0], v[1], transposeA, v[2], transposeB), bias, a, b);
    }

    [Fact]
    public void AddMatMul_EqualsProductPlusBias()
    {
        // 70 x 300 x 40: several micro-tiles, a partial edge and two depth blocks.
        var a = TestTensors.Uniform([70, 300], -1f, 1f, seed: 84, requiresGrad: false);
        var w = TestTensors.Uniform([40, 300], -1f, 1f, seed: 85, requiresGrad: false);
        var bias = TestTensors.Uniform([40], -1f, 1f, seed: 86, requiresGrad: false);

        var y = Tensor.AddMatMul(bias, a, false, w, true);

        TensorAssert.Close([70, 40], (Tensor.MatMul(a, false, w, true) + bias).ToArray(), y, 1e-4);
        Assert.Equal("AddmmBackward", Tensor.AddMatMul(TestTensors.Uniform([40], 0f, 1f, seed: 87), a, false, w, true).GradFn!.Name);
    }

    [Fact]
    public void AddMatMul_BiasOfWrongLength_ThrowsNamingShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.AddMatMul(Tensor.Zeros(3), Tensor.Zeros(2, 5), false, Tensor.Zeros(5, 4), false));
        Assert.Contains("bias shape [3]", error.Message, StringComparison.Ordinal);
    }
}
