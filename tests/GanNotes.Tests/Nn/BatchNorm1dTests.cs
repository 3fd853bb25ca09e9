using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Nn;

public class BatchNorm1dTests
{
    [Fact]
    public void BatchNorm1d_SingleRowInTraining_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Forward(Tensor.Ones(1, 3)));
        Assert.Contains("more than 1 value per channel", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Forward(Tensor.Ones(4, 2)));
    }

    [Fact]
    public void BatchNorm1d_Training_OutputHasZeroMeanUnitVariancePerChannel()
    {
        var x = Tensor.Randn([64, 3], new Rng(3)) * 5f + 2f;
        var y = new BatchNorm1d(3).Forward(x).ToArray2D();
        for (int c = 0; c < 3; c++)
        {
            var column = Enumerable.Range(0, 64).Select(r => (double)y[r, c]).ToArray();
            double mean = column.Average();
            Assert.InRange(mean, -1e-5, 1e-5);
            Assert.InRange(column.Select(v => (v - mean) * (v - mean)).Average(), 0.999, 1.0);
        }
    }

    [Fact]
    public void BatchNorm1d_Training_GradCheckInputWeightAndBias()
    {
        var bn = new BatchNorm1d(3);
        using (Autograd.NoGrad())
        {
            bn.Weight.CopyFrom_(Tensor.FromArray([1.2f, 0.7f, -0.5f]));
            bn.Bias.CopyFrom_(Tensor.FromArray([0.1f, -0.2f, 0.3f]));
        }
        var x = Tensor.Randn([6, 3], new Rng(21));
        x.RequiresGrad = true;
        // Each evaluation also updates the running statistics; the training output does not read them.
        GradCheck.Assert(inputs => bn.Forward(inputs[0]), x, bn.Weight, bn.Bias);
    }

    [Fact]
    public void BatchNorm1d_Eval_GradCheckUsesRunningStatistics()
    {
        var bn = new BatchNorm1d(2);
        bn.Forward(Tensor.Randn([8, 2], new Rng(22)) * 3f + 1f);
        bn.Eval();
        var x = Tensor.Randn([4, 2], new Rng(23));
        x.RequiresGrad = true;
        GradCheck.Assert(inputs => bn.Forward(inputs[0]), x, bn.Weight, bn.Bias);
        var runningMean = bn.RunningMean.ToArray();
        bn.Forward(x);
        Assert.Equal(runningMean, bn.RunningMean.ToArray());
    }
}
