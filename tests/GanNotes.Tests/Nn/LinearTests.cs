using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Nn;

public class LinearTests
{
    [Fact]
    public void Linear_DefaultInit_WithinPyTorchBounds()
    {
        var layer = new Linear(100, 50, rng: new Rng(1));
        float bound = 1f / MathF.Sqrt(100);
        var w = layer.Weight.ToArray();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.All(layer.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
        // U(-b, b) has variance b^2 / 3; 5000 samples estimate it to a few percent.
        double variance = w.Select(v => (double)v * v).Average();
        Assert.InRange(variance, 0.9 * bound * bound / 3, 1.1 * bound * bound / 3);
    }

    [Fact]
    public void Linear_SameGeneratorSeed_SameWeights()
    {
        var a = new Linear(4, 3, rng: new Rng(7));
        var b = new Linear(4, 3, rng: new Rng(7));
        Assert.Equal(a.Weight.ToArray(), b.Weight.ToArray());
        Assert.NotEqual(a.Weight.ToArray(), new Linear(4, 3, rng: new Rng(8)).Weight.ToArray());
    }

    [Fact]
    public void Linear_WrongInputWidth_ThrowsNamingBothShapes()
    {
        var layer = new Linear(5, 2);
        var ex = Assert.Throws<ArgumentException>(() => layer.Forward(Tensor.Zeros(3, 4)));
        Assert.Contains("[3, 4]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 5]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Linear_GradCheckInputWeightAndBias()
    {
        var layer = new Linear(4, 3, rng: new Rng(11));
        var x = Tensor.Randn([5, 4], new Rng(12));
        x.RequiresGrad = true;
        GradCheck.Assert(inputs => layer.Forward(inputs[0]), x, layer.Weight, layer.Bias!);
    }

    [Fact]
    public void Linear_NoBias_GradCheck()
    {
        var layer = new Linear(3, 2, bias: false, rng: new Rng(13));
        Assert.Null(layer.Bias);
        Assert.Single(layer.Parameters());
        var x = Tensor.Randn([4, 3], new Rng(14));
        x.RequiresGrad = true;
        GradCheck.Assert(inputs => layer.Forward(inputs[0]), x, layer.Weight);
    }
}
