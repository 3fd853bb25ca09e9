using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>Add, Sub, Mul, Div (NumPy broadcasting), Neg, Affine and the scalar operators.</summary>
public sealed class ArithmeticTests
{
    public static TheoryData<string> BinaryOpNames() => [.. ArithmeticBroadcastTests.BinaryOps];

    private static Tensor Apply(string op, Tensor a, Tensor b) => ArithmeticBroadcastTests.Apply(op, a, b);

    [Fact]
    public void Add_SameShape_AddsElementwise()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 10, 20 }, { 30, 40 } });

        Assert.Equal(new float[,] { { 11, 22 }, { 33, 44 } }, (a + b).ToArray2D());
    }

    [Fact]
    public void Add_RowVector_AddsToEveryRow()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var row = Tensor.FromArray([10f, 20f, 30f]);

        Assert.Equal(new float[,] { { 11, 22, 33 }, { 14, 25, 36 } }, (a + row).ToArray2D());
    }

    [Fact]
    public void Sub_ColumnFromRow_GivesOuterDifference()
    {
        var column = Tensor.FromArray([10f, 20f], 2, 1);
        var row = Tensor.FromArray([1f, 2f, 3f], 1, 3);

        Assert.Equal(new float[,] { { 9, 8, 7 }, { 19, 18, 17 } }, (column - row).ToArray2D());
    }

    [Fact]
    public void Sub_ScalarTensorMinusVector_KeepsOperandOrder()
    {
        var y = Tensor.Scalar(10f) - Tensor.FromArray([1f, 2f, 3f]);

        Assert.Equal([3], y.Shape);
        Assert.Equal([9f, 8f, 7f], y.ToArray());
    }

    [Fact]
    public void Div_ScalarTensorOverVector_KeepsOperandOrder()
    {
        var y = Tensor.Scalar(6f) / Tensor.FromArray([1f, 2f, 3f]);

        Assert.Equal([6f, 3f, 2f], y.ToArray());
    }

    [Fact]
    public void Mul_ColumnTimesRow_GivesOuterProduct()
    {
        var column = Tensor.FromArray([1f, 2f], 2, 1);
        var row = Tensor.FromArray([3f, 4f, 5f]);

        Assert.Equal(new float[,] { { 3, 4, 5 }, { 6, 8, 10 } }, (column * row).ToArray2D());
    }

    [Fact]
    public void Div_ThreeDimensionalByColumn_DividesEachSlice()
    {
        var x = Tensor.FromArray([2f, 4f, 6f, 8f, 10f, 12f, 14f, 16f], 2, 2, 2);
        var d = Tensor.FromArray([2f, 4f], 2, 1);

        var y = x / d;

        TensorAssert.Close([2, 2, 2], [1f, 2f, 1.5f, 2f, 5f, 6f, 3.5f, 4f], y);
    }

    [Fact]
    public void Add_ScalarTensors_GiveScalar()
    {
        var y = Tensor.Scalar(1.5f) + Tensor.Scalar(2f);

        Assert.Empty(y.Shape);
        Assert.Equal(3.5f, y.Item());
    }

    [Fact]
    public void Add_OneElementAndScalar_BroadcastsToOneElementShape()
    {
        var y = Tensor.FromArray([1f], 1) + Tensor.Scalar(2f);

        Assert.Equal([1], y.Shape);
        Assert.Equal(3f, y.Item());
    }

    [Fact]
    public void Add_BroadcastScalarTensor_GradIsSumAndKeepsScalarShape()
    {
        var a = TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
        var s = TestTensors.Leaf([7f], []);

        (a + s).Sum().Backward();

        Assert.Empty(s.Grad!.Shape);
        Assert.Equal(6f, s.Grad.Item());
        Assert.Equal([2, 3], a.Grad!.Shape);
    }

    [Fact]
    public void Mul_BroadcastRow_GradSumsOverRows()
    {
        var a = TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
        var row = TestTensors.Leaf([10f, 20f, 30f], [1, 3]);

        (a * row).Sum().Backward();

        TensorAssert.Close([1, 3], [5f, 7f, 9f], row.Grad!);
        TensorAssert.Close([2, 3], [10f, 20f, 30f, 10f, 20f, 30f], a.Grad!);
    }

    [Fact]
    public void Div_OnlyDenominatorRequiresGrad_GetsMinusQuotientOverDenominator()
    {
        var a = Tensor.FromArray([6f, 8f]);
        var b = TestTensors.Leaf([2f, 4f], [2]);

        (a / b).Sum().Backward();

        TensorAssert.Close([2], [-1.5f, -0.5f], b.Grad!); // -a / b^2
        Assert.Null(a.Grad);
    }

    [Theory]
    [MemberData(nameof(BinaryOpNames))]
    public void BinaryOp_IncompatibleShapes_ThrowsNamingBothShapes(string op)
    {
        var a = Tensor.Zeros(2, 3);
        var b = Tensor.Zeros(4, 5);

        var ex = Assert.Throws<ArgumentException>(() => Apply(op, a, b));

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 5]", ex.Message, StringComparison.Ordinal);
        Assert.Contains(op, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_TrailingSizesDiffer_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(2));

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neg_Values_FlipsSign()
    {
        Assert.Equal([-1f, 2f, -0f], (-Tensor.FromArray([1f, -2f, 0f])).ToArray());
    }

    [Fact]
    public void Neg_Gradient_MatchesFiniteDifferences()
    {
        GradCheck.Assert(v => v[0].Neg(), TestTensors.Uniform([2, 3], -2f, 2f, seed: 15));
    }

    [Fact]
    public void Affine_Values_ScalesThenShifts()
    {
        var y = Tensor.FromArray([1f, -2f, 0.5f]).Affine(3f, -1f);

        Assert.Equal([2f, -7f, 0.5f], y.ToArray());
    }

    [Theory]
    [InlineData(3f, -1f)]
    [InlineData(-0.5f, 2f)]
    [InlineData(0f, 1f)]
    public void Affine_Gradient_MatchesFiniteDifferences(float scale, float shift)
    {
        GradCheck.Assert(v => v[0].Affine(scale, shift), TestTensors.Uniform([2, 3], -2f, 2f, seed: 16));
    }

    [Fact]
    public void ScalarOperators_Values_MatchHandComputed()
    {
        var x = Tensor.FromArray([1f, 2f, 4f]);

        Assert.Equal([3f, 4f, 6f], (x + 2f).ToArray());
        Assert.Equal([3f, 4f, 6f], (2f + x).ToArray());
        Assert.Equal([-1f, 0f, 2f], (x - 2f).ToArray());
        Assert.Equal([1f, 0f, -2f], (2f - x).ToArray());
        Assert.Equal([3f, 6f, 12f], (x * 3f).ToArray());
        Assert.Equal([3f, 6f, 12f], (3f * x).ToArray());
        Assert.Equal([0.25f, 0.5f, 1f], (x / 4f).ToArray());
        Assert.Equal([8f, 4f, 2f], (8f / x).ToArray());
    }

    public static TheoryData<string> ScalarOperatorNames() => ["x+c", "c+x", "x-c", "c-x", "x*c", "c*x", "x/c", "c/x"];

    [Theory]
    [MemberData(nameof(ScalarOperatorNames))]
    public void ScalarOperator_Gradient_MatchesFiniteDifferences(string form)
    {
        var x = TestTensors.AwayFromZero([2, 3], 0.5f, 2f, seed: 17);
        Func<Tensor, Tensor> f = form switch
        {
            "x+c" => t => t + 1.5f,
            "c+x" => t => 1.5f + t,
            "x-c" => t => t - 1.5f,
            "c-x" => t => 1.5f - t,
            "x*c" => t => t * -2.5f,
            "c*x" => t => -2.5f * t,
            "x/c" => t => t / 4f,
            "c/x" => t => 3f / t,
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Unknown form."),
        };

        GradCheck.Assert(v => f(v[0]), x);
    }

    [Fact]
    public void Ops_GradFnNames_FollowPyTorch()
    {
        var a = TestTensors.Leaf([1f], [1]);
        var b = TestTensors.Leaf([2f], [1]);

        Assert.Equal("AddBackward", (a + b).GradFn!.Name);
        Assert.Equal("SubBackward", (a - b).GradFn!.Name);
        Assert.Equal("MulBackward", (a * b).GradFn!.Name);
        Assert.Equal("DivBackward", (a / b).GradFn!.Name);
        Assert.Equal("NegBackward", (-a).GradFn!.Name);
    }
}
