using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Nn;

public class DropoutTests
{
    [Fact]
    public void Dropout_Training_ZeroesAboutPAndScalesTheRest()
    {
        var dropout = new Dropout(0.25f, new Rng(5));
        var y = dropout.Forward(Tensor.Ones(100, 100)).ToArray();
        double zeroFraction = y.Count(v => v == 0f) / 10000.0;
        Assert.InRange(zeroFraction, 0.23, 0.27); // 0.25 +- 4.6 standard deviations
        Assert.All(y.Where(v => v != 0f), v => Assert.Equal(1f / 0.75f, v, 1e-6f));
    }

    [Fact]
    public void Dropout_Eval_IsIdentity()
    {
        var x = Tensor.Randn([4, 4], new Rng(1));
        var dropout = new Dropout(0.9f);
        dropout.Eval();
        Assert.Same(x, dropout.Forward(x));
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Dropout_InvalidProbability_ThrowsNamingValue(float p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(p));
        Assert.Contains("Invalid dropout probability", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropout_Training_GradCheckWithFixedMask()
    {
        var x = Tensor.Randn([4, 5], new Rng(31));
        x.RequiresGrad = true;
        // A fresh generator per evaluation keeps the mask fixed while the input is perturbed.
        GradCheck.Assert(inputs => new Dropout(0.4f, new Rng(32)).Forward(inputs[0]), x);
    }
}
