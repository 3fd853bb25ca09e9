using GanNotes.Tensors;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Ops;

/// <summary>The fused batch-normalisation op against its composed definition and finite differences.</summary>
public sealed class BatchNormTests
{
    [Fact]
    public void BatchNorm_Forward_MatchesComposedDefinition()
    {
        var x = TestTensors.Uniform([7, 37], -2f, 3f, seed: 1, requiresGrad: false); // 37: vector body and scalar tail
        var w = TestTensors.Uniform([37], 0.5f, 1.5f, seed: 2, requiresGrad: false);
        var b = TestTensors.Uniform([37], -1f, 1f, seed: 3, requiresGrad: false);

        var y = Tensor.BatchNorm(x, w, b, null, null, 0.1f, 1e-5f);

        var mean = x.Mean(0, keepDim: true);
        var centered = x - mean;
        var variance = (centered * centered).Mean(0, keepDim: true);
        var expected = centered / (variance + 1e-5f).Sqrt() * w + b;
        TensorAssert.Close([7, 37], expected.ToArray(), y, 1e-5);
    }

    [Fact]
    public void BatchNorm_RunningStatistics_MoveTowardsBatchWithUnbiasedVariance()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 10 }, { 3, 10 }, { 5, 16 } });
        var runningMean = Tensor.FromArray([0f, 1f]);
        var runningVar = Tensor.FromArray([1f, 1f]);

        _ = Tensor.BatchNorm(x, null, null, runningMean, runningVar, 0.25f, 1e-5f);

        // Batch means 3 and 12; unbiased variances 4 and 12.
        TensorAssert.Close([0.75f * 0f + 0.25f * 3f, 0.75f * 1f + 0.25f * 12f], runningMean.ToArray());
        TensorAssert.Close([0.75f + 0.25f * 4f, 0.75f + 0.25f * 12f], runningVar.ToArray(), 1e-6);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void BatchNorm_Gradients_MatchFiniteDifferences(bool withWeight, bool withBias)
    {
        var x = TestTensors.Uniform([5, 19], -1f, 1f, seed: 11);
        var w = TestTensors.Uniform([19], 0.5f, 1.5f, seed: 12);
        var b = TestTensors.Uniform([19], -1f, 1f, seed: 13);
        // A weighted sum, so that dL/dy is not constant (for a plain sum dx is exactly 0).
        var probe = TestTensors.Uniform([5, 19], -1f, 1f, seed: 14, requiresGrad: false);
        var inputs = new List<Tensor> { x };
        if (withWeight)
        {
            inputs.Add(w);
        }
        if (withBias)
        {
            inputs.Add(b);
        }
        GradCheck.Assert(v => Tensor.BatchNorm(v[0], withWeight ? v[1] : null, withBias ? v[^1] : null, null, null, 0.1f, 1e-5f) * probe, [.. inputs]);
    }

    [Fact]
    public void BatchNorm_OnlyParametersRequireGrad_GradientMatchesFiniteDifferences()
    {
        var x = TestTensors.Uniform([4, 3], -1f, 1f, seed: 21, requiresGrad: false);
        var w = TestTensors.Uniform([3], 0.5f, 1.5f, seed: 22);
        var b = TestTensors.Uniform([3], -1f, 1f, seed: 23);
        var probe = TestTensors.Uniform([4, 3], -1f, 1f, seed: 24, requiresGrad: false);
        GradCheck.Assert(v => Tensor.BatchNorm(x, v[0], v[1], null, null, 0.1f, 1e-5f) * probe, w, b);
        Assert.Equal("NativeBatchNormBackward", Tensor.BatchNorm(x, w, b, null, null, 0.1f, 1e-5f).GradFn!.Name);
    }

    [Fact]
    public void BatchNorm_WrongShapes_ThrowNamingThem()
    {
        var x = Tensor.Zeros(4, 3);
        var error = Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(x, Tensor.Ones(4), null, null, null, 0.1f, 1e-5f));
        Assert.Contains("weight must have shape [3]", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(Tensor.Zeros(1, 3), null, null, null, null, 0.1f, 1e-5f));
        Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(Tensor.Zeros(12), null, null, null, null, 0.1f, 1e-5f));
    }
}

/// <summary>Batch normalisation of feature maps [N, C, H, W]: statistics per channel over N, H and W.</summary>
public sealed class BatchNormFeatureMapTests
{
    [Fact]
    public void BatchNorm_FeatureMaps_MatchesComposedDefinition()
    {
        var x = TestTensors.Uniform([3, 4, 5, 2], -2f, 3f, seed: 31, requiresGrad: false);
        var w = TestTensors.Uniform([4], 0.5f, 1.5f, seed: 32, requiresGrad: false);
        var b = TestTensors.Uniform([4], -1f, 1f, seed: 33, requiresGrad: false);
        var runningMean = Tensor.Zeros(4);
        var runningVar = Tensor.Ones(4);

        var y = Tensor.BatchNorm(x, w, b, runningMean, runningVar, 0.1f, 1e-5f);

        // Per channel over (N, H, W) = 30 values, in double.
        float[] xs = x.ToArray(), ys = y.ToArray(), ws = w.ToArray(), bs = b.ToArray();
        for (int c = 0; c < 4; c++)
        {
            var at = Enumerable.Range(0, 3).SelectMany(n => Enumerable.Range(0, 10).Select(s => (n * 40) + (c * 10) + s)).ToArray();
            double mean = at.Average(i => (double)xs[i]);
            double variance = at.Average(i => (xs[i] - mean) * (xs[i] - mean));
            foreach (int i in at)
            {
                Assert.Equal(((xs[i] - mean) / Math.Sqrt(variance + 1e-5) * ws[c]) + bs[c], ys[i], 1e-5);
            }
            Assert.Equal(0.1 * mean, runningMean.ToArray()[c], 1e-6);
            Assert.Equal(0.9 + (0.1 * variance * 30 / 29), runningVar.ToArray()[c], 1e-5);
        }
    }

    [Fact]
    public void BatchNorm_FeatureMaps_GradientsMatchFiniteDifferences()
    {
        var x = TestTensors.Uniform([3, 2, 3, 2], -1f, 1f, seed: 34);
        var w = TestTensors.Uniform([2], 0.5f, 1.5f, seed: 35);
        var b = TestTensors.Uniform([2], -1f, 1f, seed: 36);
        GradCheck.Assert(v => Tensor.BatchNorm(v[0], v[1], v[2], null, null, 0.1f, 1e-5f), x, w, b);
    }
}
