using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors;

/// <summary>Factories, host copies, Item, shape queries and the PyTorch-style ToString.</summary>
public sealed class TensorTests
{
    [Fact]
    public void Zeros_Shape_AllZero()
    {
        var x = Tensor.Zeros(2, 3);

        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(2, x.Rank);
        Assert.Equal(6, x.NumElements);
        Assert.All(x.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Ones_Shape_AllOne()
    {
        Assert.Equal([1f, 1f, 1f, 1f], Tensor.Ones(2, 2).ToArray());
    }

    [Fact]
    public void Full_Value_FillsEveryElement()
    {
        Assert.Equal([2.5f, 2.5f, 2.5f], Tensor.Full([3], 2.5f).ToArray());
    }

    [Fact]
    public void Scalar_Value_IsZeroDimensionalWithOneElement()
    {
        var x = Tensor.Scalar(4f);

        Assert.Empty(x.Shape);
        Assert.Equal(0, x.Rank);
        Assert.Equal(1, x.NumElements);
        Assert.Equal(4f, x.Item());
    }

    [Fact]
    public void ZerosLikeAndOnesLike_CopyShapeOnly()
    {
        var x = Tensor.Full([2, 1, 3], 9f);

        Assert.Equal([2, 1, 3], Tensor.ZerosLike(x).Shape);
        Assert.All(Tensor.ZerosLike(x).ToArray(), v => Assert.Equal(0f, v));
        Assert.All(Tensor.OnesLike(x).ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Arange_N_CountsFromZero()
    {
        Assert.Equal([0f, 1f, 2f, 3f], Tensor.Arange(4).ToArray());
    }

    [Fact]
    public void Factories_NewTensor_IsLeafWithoutGrad()
    {
        var x = Tensor.Ones(2);

        Assert.True(x.IsLeaf);
        Assert.False(x.RequiresGrad);
        Assert.Null(x.Grad);
        Assert.Equal(Device.Cpu, x.Device);
    }

    [Fact]
    public void Factories_NegativeSize_ThrowsNamingShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, -1));

        Assert.Contains("[2, -1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArray_Shape_KeepsRowMajorOrder()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);

        Assert.Equal(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }, x.ToArray2D());
    }

    [Fact]
    public void FromArray_CountMismatch_ThrowsNamingShapeAndCount()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.FromArray([1f, 2f, 3f], 2, 2));

        Assert.Contains("[2, 2]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3 values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArray_CopiesTheSource()
    {
        var source = new[] { 1f, 2f };
        var x = Tensor.FromArray(source);

        source[0] = 100f;

        Assert.Equal([1f, 2f], x.ToArray());
    }

    [Fact]
    public void FromArray_TwoDimensionalArray_RoundTrips()
    {
        var data = new float[,] { { 1, 2, 3 }, { 4, 5, 6 } };

        var x = Tensor.FromArray(data);

        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(data, x.ToArray2D());
    }

    [Fact]
    public void FromArray_OneDimensional_HasLengthShape()
    {
        Assert.Equal([3], Tensor.FromArray([1f, 2f, 3f]).Shape);
    }

    [Fact]
    public void ToArray_ReturnsACopy()
    {
        var x = Tensor.FromArray([1f, 2f]);

        x.ToArray()[0] = 100f;

        Assert.Equal([1f, 2f], x.ToArray());
    }

    [Fact]
    public void ToArray2D_NotTwoDimensional_ThrowsNamingShape()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 3, 4).ToArray2D());

        Assert.Contains("[2, 3, 4]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_OneElementOfAnyRank_ReturnsIt()
    {
        Assert.Equal(5f, Tensor.Full([1, 1, 1], 5f).Item());
    }

    [Fact]
    public void Item_SeveralElements_ThrowsNamingShape()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 3).Item());

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 3)]
    [InlineData(-1, 4)]
    [InlineData(-3, 2)]
    public void Size_Dim_CountsNegativeFromTheEnd(int dim, int expected)
    {
        Assert.Equal(expected, Tensor.Zeros(2, 3, 4).Size(dim));
    }

    [Fact]
    public void Size_DimOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Size(2));
    }

    [Fact]
    public void CopyFrom_SameShape_CopiesValuesInPlace()
    {
        var x = Tensor.Zeros(2);

        x.CopyFrom_(Tensor.FromArray([3f, 4f]));

        Assert.Equal([3f, 4f], x.ToArray());
    }

    [Fact]
    public void CopyFrom_ShapeMismatch_ThrowsNamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).CopyFrom_(Tensor.Zeros(3, 2)));

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Randn_SameGeneratorSeed_SameValues()
    {
        var a = Tensor.Randn([3, 4], new Rng(7));
        var b = Tensor.Randn([3, 4], new Rng(7));

        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), Tensor.Randn([3, 4], new Rng(8)).ToArray());
    }

    [Fact]
    public void Rand_Values_InUnitInterval()
    {
        var x = Tensor.Rand([1000], new Rng(9));

        Assert.All(x.ToArray(), v => Assert.InRange(v, 0f, MathF.BitDecrement(1f)));
    }

    [Fact]
    public void ToString_Matrix_AlignsRowsUnderTheFirst()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });

        Assert.Equal("tensor([[1., 2.],\n        [3., 4.]])", x.ToString());
    }

    [Fact]
    public void ToString_ThreeD_SeparatesBlocksWithABlankLine()
    {
        var x = Tensor.Arange(8).Reshape(2, 2, 2);

        Assert.Equal(
            "tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])",
            x.ToString());
    }

    [Fact]
    public void ToString_IntegerValues_PrintWithTrailingPoint()
    {
        Assert.Equal("tensor([1., 2., 3.])", Tensor.FromArray([1f, 2f, 3f]).ToString());
    }

    [Fact]
    public void ToString_Negative_PadsToCommonWidth()
    {
        Assert.Equal("tensor([-1.,  2.])", Tensor.FromArray([-1f, 2f]).ToString());
    }

    [Fact]
    public void ToString_Fractions_FourDecimalsPadded()
    {
        Assert.Equal("tensor([-1.5000,  2.2500])", Tensor.FromArray([-1.5f, 2.25f]).ToString());
        Assert.Equal("tensor([  1.5000, 100.0000])", Tensor.FromArray([1.5f, 100f]).ToString());
    }

    [Fact]
    public void ToString_TinyValue_UsesScientificNotation()
    {
        Assert.Equal("tensor([1.0000e-05, 2.0000e+00])", Tensor.FromArray([1e-5f, 2f]).ToString());
    }

    [Fact]
    public void ToString_Scalar_HasNoBrackets()
    {
        Assert.Equal("tensor(3.)", Tensor.Scalar(3f).ToString());
        Assert.Equal("tensor(0.5000)", Tensor.Scalar(0.5f).ToString());
    }

    [Fact]
    public void ToString_Empty_PrintsEmptyBrackets()
    {
        Assert.Equal("tensor([])", Tensor.Zeros(0).ToString());
    }

    [Fact]
    public void ToString_LeafRequiringGrad_AppendsRequiresGrad()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);

        Assert.Equal("tensor([1., 2.], requires_grad=True)", x.ToString());
    }

    [Fact]
    public void ToString_OpResult_AppendsGradFn()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);

        Assert.Equal("tensor([2., 4.], grad_fn=<MulBackward>)", (x * Tensor.FromArray([2f, 2f])).ToString());
        Assert.Equal("tensor([1.5000, 2.5000], grad_fn=<AffineBackward>)", (x + 0.5f).ToString());
        Assert.Equal("tensor(9., grad_fn=<MulBackward>)", (Scalar(3f) * Scalar(3f)).ToString());
    }

    private static Tensor Scalar(float value) => TestTensors.Leaf([value], []);

    [Fact]
    public void ToString_MoreThanAThousandElements_ShowsThreeAtEachEnd()
    {
        var text = Tensor.Ones(2000).ToString();

        Assert.StartsWith("tensor([1., 1., 1.,", text, StringComparison.Ordinal);
        Assert.EndsWith("1., 1., 1.])", text, StringComparison.Ordinal);
        Assert.Contains("...", text, StringComparison.Ordinal);
        Assert.True(text.Length < 60, $"Summary too long ({text.Length} chars): {text}");
    }

    [Fact]
    public void ToString_ThousandElements_PrintsAll()
    {
        var text = Tensor.Ones(1000).ToString();

        Assert.DoesNotContain("...", text, StringComparison.Ordinal);
        Assert.Equal(1000, text.Split("1.").Length - 1);
    }
}
