using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Nn;

public class LossesTests
{
    [Fact]
    public void Losses_ShapeMismatch_ThrowNamingBothShapes()
    {
        var a = Tensor.Zeros(4, 1);
        var b = Tensor.Zeros(4);
        foreach (var loss in new Func<Tensor>[]
        {
            () => Functional.BinaryCrossEntropy(a, b),
            () => Functional.BinaryCrossEntropyWithLogits(a, b),
            () => Functional.MseLoss(a, b),
        })
        {
            var ex = Assert.Throws<ArgumentException>(loss);
            Assert.Contains("[4, 1]", ex.Message, StringComparison.Ordinal);
            Assert.Contains("[4]", ex.Message, StringComparison.Ordinal);
        }
        Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 3), [0, 3]));
    }

    [Fact]
    public void BinaryCrossEntropy_Interior_GradCheck()
    {
        var p = Tensor.FromArray([0.2f, 0.7f, 0.45f, 0.9f, 0.05f, 0.6f], 2, 3);
        p.RequiresGrad = true;
        var t = Tensor.FromArray([0f, 1f, 1f, 0f, 0.3f, 1f], 2, 3);
        // Step 1e-4: p within 0.05 of 0 has a large curvature (1/p^2 terms), which a 1e-3 step would blur.
        GradCheck.Assert(x => Functional.BinaryCrossEntropy(x[0], t, Reduction.None), GradCheckOptions.Default with { Step = 1e-4 }, p);
        GradCheck.Assert(x => Functional.BinaryCrossEntropy(x[0], t, Reduction.Sum), GradCheckOptions.Default with { Step = 1e-4 }, p);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_GradCheck()
    {
        var logits = Tensor.FromArray([-3f, -0.5f, 0.2f, 1.5f, 4f, -2f], 3, 2);
        logits.RequiresGrad = true;
        var t = Tensor.FromArray([0f, 1f, 1f, 0f, 0.3f, 1f], 3, 2);
        GradCheck.Assert(x => Functional.BinaryCrossEntropyWithLogits(x[0], t, Reduction.None), logits);
        GradCheck.Assert(x => Functional.BinaryCrossEntropyWithLogits(x[0], t), logits);
    }

    [Fact]
    public void MseLoss_GradCheckBothInputs()
    {
        var a = Tensor.Randn([3, 4], new Rng(1));
        var b = Tensor.Randn([3, 4], new Rng(2));
        a.RequiresGrad = true;
        b.RequiresGrad = true;
        GradCheck.Assert(x => Functional.MseLoss(x[0], x[1]), a, b);
        GradCheck.Assert(x => Functional.MseLoss(x[0], x[1], Reduction.Sum), a, b);
    }

    [Fact]
    public void CrossEntropy_GradCheck()
    {
        var logits = Tensor.Randn([5, 4], new Rng(3));
        logits.RequiresGrad = true;
        int[] classes = [1, 0, 3, 3, 2];
        GradCheck.Assert(x => Functional.CrossEntropy(x[0], classes), logits);
        GradCheck.Assert(x => Functional.CrossEntropy(x[0], classes, Reduction.None), logits);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_ThousandLogits_FiniteLossAndExactGradient()
    {
        var logits = Tensor.FromArray([-1000f, 1000f, -1000f, 1000f]);
        logits.RequiresGrad = true;
        var t = Tensor.FromArray([0f, 1f, 1f, 0f]);
        var loss = Functional.BinaryCrossEntropyWithLogits(logits, t, Reduction.Sum);
        loss.Backward();
        Assert.Equal(2000f, loss.Item());        // two confident right answers cost 0, two wrong ones 1000 each
        Assert.Equal([0f, 0f, -1f, 1f], logits.Grad!.ToArray());
    }
}
