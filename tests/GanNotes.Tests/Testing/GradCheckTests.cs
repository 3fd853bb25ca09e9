using System.Globalization;
using GanNotes.Tensors;
using Xunit.Sdk;

namespace GanNotes.Tests.Testing;

/// <summary>The checker itself: it must pass correct gradients and catch wrong or missing ones.</summary>
public sealed class GradCheckTests
{
    [Fact]
    public void Check_CorrectGradient_PassesWithMarginAndChecksEveryElement()
    {
        var x = TestTensors.Uniform([2, 3], -2f, 2f, seed: 1);

        var result = GradCheck.Check(v => v[0].Exp(), GradCheckOptions.Default, x);

        Assert.Empty(result.Failures);
        Assert.Equal(6, result.CheckedCount);
        Assert.InRange(result.WorstRatio, 0.0, 0.5);
    }

    [Fact]
    public void Assert_GradientMissingAFactorOfTwo_ThrowsNamingInputElementAndBothValues()
    {
        // x * x.Detach() records d/dx = x; the true derivative of x^2 is 2x.
        var x = TestTensors.Leaf([1.5f, -2f, 0.75f], [3]);
        static Tensor F(Tensor[] v) => v[0] * v[0].Detach();

        var result = GradCheck.Check(F, GradCheckOptions.Default, x);
        var ex = Assert.Throws<XunitException>(() => GradCheck.Assert(F, x));

        Assert.Equal(3, result.Failures.Count);
        foreach (var failure in result.Failures)
        {
            Assert.Equal(2.0, failure.Numerical / failure.Analytic, 3);
        }
        var second = result.Failures[1];
        Assert.Contains("3 of 3 element(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"input 0, element 1 (index [1]): numerical {second.Numerical:G7}, analytic {second.Analytic:G7}"),
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Assert_WrongGradientOnSecondInput_NamesInputOne()
    {
        var a = TestTensors.Uniform([2, 2], -1f, 1f, seed: 2);
        var b = TestTensors.AwayFromZero([2, 2], 0.5f, 1.5f, seed: 3);

        var ex = Assert.Throws<XunitException>(() => GradCheck.Assert(v => v[0] + (v[1] * v[1].Detach()), a, b));

        Assert.Contains("input 1, element 0 (index [0, 0])", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("input 0,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InputReachedPartlyThroughDetach_ReportsTheMissingPart()
    {
        // d/dx (2 stop_grad(x) + x) is recorded as 1, the true derivative is 3.
        var x = TestTensors.Uniform([3], -1f, 1f, seed: 4);

        var result = GradCheck.Check(v => (v[0].Detach() * 2f) + v[0], GradCheckOptions.Default, x);

        Assert.Equal(3, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.Equal(3.0, f.Numerical / f.Analytic, 3));
    }

    [Fact]
    public void Check_GradientOffByOnePercent_Fails()
    {
        // A hand-made op y = 2x whose recorded derivative is 2.02: 1% too large.
        var x = TestTensors.AwayFromZero([2, 3], 0.5f, 2f, seed: 10);
        static Tensor ScaleByTwo(Tensor t)
        {
            Tensor y;
            using (Autograd.NoGrad())
            {
                y = t * 2f;
            }
            return Autograd.Record(y, "ScaleBackward", [t], g => [g * 2.02f]);
        }

        var result = GradCheck.Check(v => ScaleByTwo(v[0]), GradCheckOptions.Default, x);

        Assert.Equal(6, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.Equal(1.01, f.Analytic / f.Numerical, 4));
    }

    [Fact]
    public void Check_AfterRunning_RestoresValuesAndGrad()
    {
        var x = TestTensors.Uniform([4], 0.5f, 2f, seed: 5);
        var before = x.ToArray();
        var grad = Tensor.Full([4], 7f);
        x.Grad = grad;

        GradCheck.Check(v => v[0].Log(), GradCheckOptions.Default, x);

        Assert.Equal(before, x.ToArray());
        Assert.Same(grad, x.Grad);
        Assert.Equal([7f, 7f, 7f, 7f], grad.ToArray());
    }

    [Fact]
    public void Check_InputWithoutRequiresGrad_IsNotPerturbed()
    {
        var a = TestTensors.Uniform([2, 3], -1f, 1f, seed: 6);
        var constant = TestTensors.Uniform([2, 3], -1f, 1f, seed: 7, requiresGrad: false);

        var result = GradCheck.Check(v => v[0] * v[1], GradCheckOptions.Default, a, constant);

        Assert.Equal(6, result.CheckedCount);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Check_NoInputRequiresGrad_ThrowsArgumentException()
    {
        var x = Tensor.Ones(3);

        var ex = Assert.Throws<ArgumentException>(() => GradCheck.Check(v => v[0].Exp(), GradCheckOptions.Default, x));

        Assert.Contains("RequiresGrad", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NonLeafInput_ThrowsArgumentException()
    {
        var x = TestTensors.Uniform([3], -1f, 1f, seed: 8);
        var nonLeaf = x * 2f;

        var ex = Assert.Throws<ArgumentException>(() => GradCheck.Check(v => v[0].Exp(), GradCheckOptions.Default, nonLeaf));

        Assert.Contains("input 0 is not a leaf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TighterTolerance_FailsWhereDefaultPasses()
    {
        // With atol = rtol = 0 even float32 rounding fails: the tolerance is what decides.
        var x = TestTensors.Uniform([3], 1f, 2f, seed: 9);
        var strict = GradCheckOptions.Default with { AbsoluteTolerance = 0, RelativeTolerance = 0 };

        Assert.Empty(GradCheck.Check(v => v[0].Exp(), GradCheckOptions.Default, x).Failures);
        Assert.NotEmpty(GradCheck.Check(v => v[0].Exp(), strict, x).Failures);
    }
}
