using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors;

/// <summary>The tape: recording, NoGrad, Detach, accumulation, and the errors Backward raises.</summary>
/// <remarks>One test watches which products a backward pass runs with the process-wide profiler.</remarks>
[Collection(nameof(ProfilerTestGroup))]
public sealed class AutogradTests
{
    [Fact]
    public void BackwardInputs_OnlyTheGivenLeavesGetGradients()
    {
        var a = TestTensors.Leaf([1f, 2f, 3f], [3]);
        var b = TestTensors.Leaf([4f, 5f, 6f], [3]);

        (a * b).Sum().Backward(inputs: [a]);

        Assert.Equal([4f, 5f, 6f], a.Grad!.ToArray());
        Assert.Null(b.Grad);
    }

    [Fact]
    public void BackwardInputs_GradientsBitwiseEqualToAFullBackward()
    {
        var rng = new Rng(3);
        Tensor[] Weights() => [Tensor.Randn([6, 9], rng), Tensor.Randn([9, 4], rng), Tensor.Randn([4, 1], rng)];
        var full = Weights();
        var part = full.Select(w => w.Clone()).ToArray();
        foreach (var w in full.Concat(part))
        {
            w.RequiresGrad = true;
        }
        var x = Tensor.Randn([5, 6], rng);
        static Tensor Loss(Tensor x, Tensor[] w) => Tensor.MatMul(Tensor.MatMul(x, false, w[0], false).Relu(), false, w[1], false).Tanh().MatMul(w[2]).Sum();

        Loss(x, full).Backward();
        Loss(x, part).Backward(inputs: [part[0], part[2]]);

        Assert.Equal(full[0].Grad!.ToArray(), part[0].Grad!.ToArray());
        Assert.Equal(full[2].Grad!.ToArray(), part[2].Grad!.ToArray());
        Assert.Null(part[1].Grad);
    }

    [Fact]
    public void BackwardInputs_ProductsLeadingToNoInputAreNotRun()
    {
        // y = relu(x W1) W2. Only dW2 = H^T G is needed for W2; a full pass also runs
        // dH = G W2^T and dW1 = X^T dH (x needs no gradient).
        var rng = new Rng(4);
        var x = Tensor.Randn([5, 7], rng);
        var w1 = Tensor.Randn([7, 11], rng);
        var w2 = Tensor.Randn([11, 13], rng);
        w1.RequiresGrad = true;
        w2.RequiresGrad = true;
        string[] Products(Action backward)
        {
            using var profile = Profiler.Start();
            backward();
            profile.Dispose();
            return [.. profile.Entries.Select(e => e.Name).Where(n => n.StartsWith("MatMul", StringComparison.Ordinal)).Order()];
        }
        Tensor Loss() => Tensor.MatMul(Tensor.MatMul(x, false, w1, false).Relu(), false, w2, false).Sum();

        var restricted = Loss();
        var full = Loss();

        Assert.Equal(["MatMulTN 11x13x5"], Products(() => restricted.Backward(inputs: [w2])));
        Assert.Equal(["MatMulNT 5x11x13", "MatMulTN 11x13x5", "MatMulTN 7x11x5"], Products(() => full.Backward()));
    }

    [Fact]
    public void Backward_ProductAndBatchNormGradients_AreTakenWithoutACopy()
    {
        // The weight gradients of a product and of BatchNorm are new tensors made for their
        // leaf alone, so the leaf keeps them as they are (PyTorch steals them the same way).
        var rng = new Rng(6);
        var x = Tensor.Randn([9, 5], rng);
        var w = Tensor.Randn([7, 5], rng);
        var bias = Tensor.Randn([7], rng);
        var gamma = Tensor.Ones(7);
        var beta = Tensor.Zeros(7);
        foreach (var leaf in new[] { w, bias, gamma, beta })
        {
            leaf.RequiresGrad = true;
        }
        var loss = Tensor.BatchNorm(Tensor.AddMatMul(bias, x, false, w, true), gamma, beta, Tensor.Zeros(7), Tensor.Ones(7), momentum: 0.1f, eps: 1e-5f)
            .Tanh().Sum();

        Profiler profile;
        using (profile = Profiler.Start())
        {
            loss.Backward();
        }

        Assert.DoesNotContain(profile.Entries, e => e.Name == "Copy");
        Assert.All(new[] { w, bias, gamma, beta }, leaf => Assert.NotNull(leaf.Grad));
    }

    [Fact]
    public void Backward_LeafUsedTwice_GetsTheSumAndBothPathsStayIndependent()
    {
        // W takes two product gradients; their sum is new too, and a later backward adds into
        // it in place without touching anything the first pass returned.
        var rng = new Rng(7);
        var w = Tensor.Randn([4, 3], rng);
        w.RequiresGrad = true;
        var x1 = Tensor.Randn([2, 4], rng);
        var x2 = Tensor.Randn([2, 4], rng);
        Tensor Loss() => (x1.MatMul(w).Sum() * 2f) + x2.MatMul(w).Sum();
        var expected = (x1.Sum(0) * 2f) + x2.Sum(0); // dL/dW[i, j] = sum over rows of the inputs' column i

        Loss().Backward();
        var first = w.Grad!.ToArray();
        Loss().Backward();

        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(expected.ToArray()[i], first[(i * 3) + j], 5);
                Assert.Equal(2 * expected.ToArray()[i], w.Grad!.ToArray()[(i * 3) + j], 5);
            }
        }
    }

    [Fact]
    public void BackwardInputs_InputTheLossDoesNotReach_GetsNoGradientAndNoError()
    {
        var a = TestTensors.Leaf([1f, 2f], [2]);
        var unused = TestTensors.Leaf([3f], [1]);

        (a * a).Sum().Backward(inputs: [unused]);

        Assert.Null(a.Grad);
        Assert.Null(unused.Grad);
    }

    [Fact]
    public void BackwardInputs_NotALeafThatRequiresGrad_ThrowsNamingTheInput()
    {
        var a = TestTensors.Leaf([1f, 2f], [2]);
        var plain = Tensor.Ones(2);
        var loss = (a * 2f).Sum();

        var nonLeaf = Assert.Throws<ArgumentException>(() => loss.Backward(inputs: [a, a * 3f]));
        var noGrad = Assert.Throws<ArgumentException>(() => loss.Backward(inputs: [plain]));
        var none = Assert.Throws<ArgumentException>(() => loss.Backward(inputs: []));

        Assert.StartsWith("Backward(inputs): input 1 is not a leaf", nonLeaf.Message, StringComparison.Ordinal);
        Assert.StartsWith("Backward(inputs): input 0 is a tensor that does not require grad", noGrad.Message, StringComparison.Ordinal);
        Assert.StartsWith("Backward(inputs): no inputs given", none.Message, StringComparison.Ordinal);
        Assert.Null(a.Grad);
    }

    [Fact]
    public void Backward_CalledTwice_AccumulatesGrad()
    {
        var x = TestTensors.Leaf([1f, 2f, 3f], [3]);

        (x * x).Sum().Backward();
        (x * x).Sum().Backward();

        Assert.Equal([4f, 8f, 12f], x.Grad!.ToArray()); // 2 * 2x
    }

    [Fact]
    public void Backward_AfterGradReset_StartsFromZero()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        (x * 3f).Sum().Backward();

        x.Grad = null;
        (x * 5f).Sum().Backward();

        Assert.Equal([5f, 5f], x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_SameTensorTwiceInOneExpression_SumsBothPaths()
    {
        var x = TestTensors.Leaf([1.5f, -2f, 3f], [3]);

        (x * x).Sum().Backward();

        Assert.Equal([3f, -4f, 6f], x.Grad!.ToArray()); // d(x^2)/dx = 2x
    }

    [Fact]
    public void Backward_TensorUsedInThreeBranches_SumsAllPaths()
    {
        var x = TestTensors.Leaf([0.5f, 1f], [2]);

        // y = e^x + 3x + x^2, dy/dx = e^x + 3 + 2x
        (x.Exp() + (x * 3f) + (x * x)).Sum().Backward();

        TensorAssert.Close([2], [MathF.Exp(0.5f) + 3f + 1f, MathF.Exp(1f) + 3f + 2f], x.Grad!);
    }

    [Fact]
    public void Backward_ExplicitGradient_ComputesVectorJacobianProduct()
    {
        var x = TestTensors.Leaf([1f, 2f, 3f], [3]);
        var y = x * x;

        y.Backward(Tensor.FromArray([1f, 10f, 100f]));

        Assert.Equal([2f, 40f, 600f], x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_GradientOfWrongShape_ThrowsNamingBothShapes()
    {
        var x = TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
        var y = x * 2f;

        var ex = Assert.Throws<ArgumentException>(() => y.Backward(Tensor.Ones(3, 2)));

        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_NonScalarWithoutGradient_ThrowsInvalidOperationNamingShape()
    {
        var x = TestTensors.Leaf([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);
        var y = x * 2f;

        var ex = Assert.Throws<InvalidOperationException>(y.Backward);

        Assert.Contains("scalar", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Backward_OneElementNonScalar_IsAllowed()
    {
        var x = TestTensors.Leaf([2f], [1, 1]);

        (x * x).Backward();

        Assert.Equal([4f], x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_ScalarLeaf_GetsGradOne()
    {
        var x = TestTensors.Leaf([5f], []);

        x.Backward();

        Assert.Equal(1f, x.Grad!.Item());
    }

    [Fact]
    public void Backward_TensorNotRequiringGrad_ThrowsInvalidOperation()
    {
        var y = Tensor.Ones(2, 2).Sum();

        var ex = Assert.Throws<InvalidOperationException>(y.Backward);

        Assert.Contains("does not require grad", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_ResultComputedUnderNoGrad_ThrowsInvalidOperation()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        Tensor y;
        using (Autograd.NoGrad())
        {
            y = (x * x).Sum();
        }

        Assert.Throws<InvalidOperationException>(y.Backward);
    }

    [Fact]
    public void Backward_NonLeafIntermediate_DoesNotKeepGrad()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        var h = x * 2f;

        (h * h).Sum().Backward();

        Assert.Null(h.Grad);
        Assert.Equal([8f, 16f], x.Grad!.ToArray()); // d(4x^2)/dx = 8x
    }

    [Fact]
    public void Backward_InputNotRequiringGrad_GetsNoGrad()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        var c = Tensor.FromArray([3f, 4f]);

        (x * c).Sum().Backward();

        Assert.Null(c.Grad);
        Assert.Equal([3f, 4f], x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_DeepChain_DoesNotOverflowTheStack()
    {
        var x = TestTensors.Leaf([0f], []);
        var y = x;
        for (int i = 0; i < 50_000; i++)
        {
            y += 1f;
        }

        y.Backward();

        Assert.Equal(50_000f, y.Item());
        Assert.Equal(1f, x.Grad!.Item());
    }

    [Fact]
    public void Backward_GradIsNotAliasedWithUpstream_SecondBackwardLeavesFirstResultIntact()
    {
        // Add passes its upstream gradient through unchanged; the leaf must own a copy.
        var a = TestTensors.Leaf([1f, 2f], [2]);
        var b = TestTensors.Leaf([3f, 4f], [2]);
        var upstream = Tensor.FromArray([1f, 1f]);
        (a + b).Backward(upstream);
        var firstGrad = a.Grad!;

        (a + b).Backward(upstream);

        Assert.Equal([1f, 1f], upstream.ToArray());
        Assert.Equal([2f, 2f], firstGrad.ToArray());
        Assert.Equal([2f, 2f], b.Grad!.ToArray());
    }

    [Fact]
    public void Op_InputRequiresGrad_RecordsGradFnAndRequiresGrad()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        var c = Tensor.FromArray([3f, 4f]);

        var y = x * c;

        Assert.False(y.IsLeaf);
        Assert.True(y.RequiresGrad);
        Assert.Equal("MulBackward", y.GradFn!.Name);
    }

    [Fact]
    public void Op_NoInputRequiresGrad_RecordsNothing()
    {
        var y = Tensor.Ones(2) * Tensor.Ones(2);

        Assert.True(y.IsLeaf);
        Assert.False(y.RequiresGrad);
        Assert.Null(y.GradFn);
    }

    [Fact]
    public void NoGrad_InsideScope_RecordsNoGradFn()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        Tensor y;
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsEnabled);
            y = (x * x).Exp();
        }

        Assert.Null(y.GradFn);
        Assert.False(y.RequiresGrad);
        Assert.True(Autograd.IsEnabled);
        Assert.NotNull((x * x).GradFn);
    }

    [Fact]
    public void NoGrad_Nested_RecordingResumesOnlyAfterOuterScope()
    {
        var x = TestTensors.Leaf([1f], [1]);
        var outer = Autograd.NoGrad();
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsEnabled);
        }

        Assert.False(Autograd.IsEnabled);
        Assert.Null((x * 2f).GradFn);
        outer.Dispose();
        Assert.True(Autograd.IsEnabled);
        Assert.NotNull((x * 2f).GradFn);
    }

    [Fact]
    public void Detach_NonLeaf_ReturnsLeafWithSameValuesAndNoHistory()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        var y = x * 3f;

        var d = y.Detach();

        Assert.True(d.IsLeaf);
        Assert.False(d.RequiresGrad);
        Assert.Null(d.GradFn);
        Assert.Equal([3f, 6f], d.ToArray());
        Assert.Equal(y.Shape, d.Shape);
    }

    [Fact]
    public void Detach_InExpression_StopsTheGradient()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);

        (x * x.Detach()).Sum().Backward();

        Assert.Equal([1f, 2f], x.Grad!.ToArray()); // only the non-detached factor: x, not 2x
    }

    [Fact]
    public void Detach_SharesStorage_LikePyTorch()
    {
        var x = Tensor.FromArray([1f, 2f]);

        x.Detach().Fill_(9f);

        Assert.Equal([9f, 9f], x.ToArray());
    }

    [Fact]
    public void RequiresGrad_SetOnNonLeaf_ThrowsInvalidOperation()
    {
        var x = TestTensors.Leaf([1f, 2f], [2]);
        var y = x * 2f;

        var ex = Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);

        Assert.Contains("leaf", ex.Message, StringComparison.Ordinal);
        Assert.True(y.RequiresGrad);
    }

    [Fact]
    public void RequiresGrad_SetOnLeaf_TakesEffect()
    {
        var x = Tensor.Ones(2);

        x.RequiresGrad = true;
        var recorded = x * 2f;
        x.RequiresGrad = false;
        var notRecorded = x * 2f;

        Assert.NotNull(recorded.GradFn);
        Assert.Null(notRecorded.GradFn);
    }
}
