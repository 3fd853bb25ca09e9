using GanNotes.Nn;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Tests.Tensors;

/// <summary>TensorScope: tensors made inside are recycled at its end, nothing else is touched.</summary>
public class TensorScopeTests
{
    [Fact]
    public void Dispose_TensorMadeInside_ThrowsOnUseInsteadOfReadingRecycledValues()
    {
        Tensor inside;
        using (TensorScope.Begin())
        {
            inside = Tensor.Ones(3, 4) * 2f;
            Assert.Equal(2f, inside.ToArray()[5]);
        }
        var error = Assert.Throws<InvalidOperationException>(() => inside.ToArray());
        Assert.Contains("TensorScope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_TensorMadeBefore_KeepsItsValuesAndInPlaceUpdates()
    {
        var before = Tensor.FromArray([1f, 2f, 3f]);
        using (TensorScope.Begin())
        {
            before.CopyFrom_(before * 10f);
        }
        Assert.Equal([10f, 20f, 30f], before.ToArray());
    }

    [Fact]
    public void Keep_InOutermostScope_TensorOutlivesIt()
    {
        Tensor kept;
        using (var scope = TensorScope.Begin())
        {
            var sum = Tensor.Arange(4) + 1f;
            Assert.Equal(2, scope.Count);
            kept = scope.Keep(sum);
            Assert.Equal(1, scope.Count); // Arange's result is still recycled
        }
        Assert.Equal([1f, 2f, 3f, 4f], kept.ToArray());
    }

    [Fact]
    public void Keep_InInnerScope_MovesTheTensorToTheOuterOne()
    {
        Tensor kept;
        using (var outer = TensorScope.Begin())
        {
            using (var inner = TensorScope.Begin())
            {
                kept = inner.Keep(Tensor.Ones(2) * 3f);
            }
            Assert.Equal([3f, 3f], kept.ToArray());
            Assert.Equal(1, outer.Count);
        }
        Assert.Throws<InvalidOperationException>(() => kept.ToArray());
    }

    [Fact]
    public void Zeros_OnARecycledBuffer_IsStillZero()
    {
        using (TensorScope.Begin())
        {
            _ = Tensor.Ones(257, 3) * 7f;
        }
        using (TensorScope.Begin())
        {
            Assert.All(Tensor.Zeros(257, 3).ToArray(), v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void Begin_SameShapesAgain_ReusesTheBuffersInsteadOfAllocating()
    {
        static void Step()
        {
            using (TensorScope.Begin())
            {
                var x = Tensor.Ones(1024, 1024);
                _ = (x * 2f + x).Sum().Item();
            }
        }
        Step(); // fills the pool
        long before = GC.GetAllocatedBytesForCurrentThread();
        Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 1024, $"the second step allocated {allocated} bytes; three 4 MB tensors should have come from the pool");
    }

    [Fact]
    public void Dispose_OuterBeforeInner_Throws()
    {
        var outer = TensorScope.Begin();
        var inner = TensorScope.Begin();
        Assert.Throws<InvalidOperationException>(outer.Dispose);
        inner.Dispose();
        outer.Dispose();
    }

    [Fact]
    public void TrainingSteps_InScopes_AreBitwiseEqualToStepsWithout_AndKeepOptimizerState()
    {
        float[] Train(bool scoped)
        {
            var model = new Sequential(new Linear(5, 8, rng: new Rng(3)), new Relu(), new Linear(8, 1, rng: new Rng(4)));
            var opt = new Adam(model.Parameters(), lr: 1e-2f);
            var rng = new Rng(5);
            for (int step = 0; step < 4; step++)
            {
                var scope = scoped ? TensorScope.Begin() : null;
                opt.ZeroGrad();
                var x = Tensor.Randn([16, 5], rng);
                var loss = (model.Forward(x) - x.Sum(1, keepDim: true)).Pow(2f).Mean();
                loss.Backward();
                opt.Step();
                scope?.Dispose();
                opt.ZeroGrad();
            }
            Assert.Equal(4f, opt.StateDict().First(kv => kv.Key == "0.step").Value.Item());
            return [.. model.Parameters().SelectMany(p => p.ToArray())];
        }
        Assert.Equal(Train(scoped: false), Train(scoped: true));
    }
}
