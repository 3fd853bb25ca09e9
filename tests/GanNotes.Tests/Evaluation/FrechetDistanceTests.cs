using GanNotes.Evaluation;
using GanNotes.Tensors;

namespace GanNotes.Tests.Evaluation;

/// <summary>The Fréchet distance against a float64 PyTorch reference (tests/data/golden/frechet_distance.json) and its identities.</summary>
public class FrechetDistanceTests
{
    [Fact]
    public void Between_GoldenFeatures_MatchesFloat64Reference()
    {
        var golden = Golden.Load("frechet_distance");
        double expected = golden.ExactScalar("fd");

        double actual = FrechetDistance.Between(
            FeatureStatistics.Of(golden.Tensor("features1")), FeatureStatistics.Of(golden.Tensor("features2")));

        // Both work in double from the same float32 features; Jacobi and LAPACK differ in the last bits only.
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * expected, $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Between_SameStatistics_IsZero()
    {
        var statistics = FeatureStatistics.Of(Golden.Load("frechet_distance").Tensor("features1"));
        double scale = Trace(statistics.Covariance);

        double distance = FrechetDistance.Between(statistics, statistics);

        // Tr(S + S - 2 (S S)^{1/2}) cancels to rounding, relative to Tr S.
        Assert.InRange(distance, 0, 1e-9 * scale);
    }

    [Fact]
    public void Between_SetShiftedByVector_IsSquaredNormOfShift()
    {
        // Small integers, so x + v is exact in float32 and the shifted set has exactly the same covariance.
        double[] v = [3, -2, 5, 0, 1, -4];
        var x = IntegerFeatures(150, v.Length, seed: 51);
        var shifted = Shift(x, v);

        double distance = FrechetDistance.Between(FeatureStatistics.Of(x), FeatureStatistics.Of(shifted));

        double squaredNorm = v.Sum(c => c * c);
        double scale = squaredNorm + Trace(FeatureStatistics.Of(x).Covariance);
        Assert.True(Math.Abs(distance - squaredNorm) <= 1e-9 * scale, $"expected {squaredNorm}, got {distance:R}");
    }

    [Fact]
    public void Between_BothSetsShiftedBySameVector_Unchanged()
    {
        double[] v = [-7, 2, 2, 9, -1, 6];
        var a = IntegerFeatures(120, v.Length, seed: 52);
        var b = IntegerFeatures(90, v.Length, seed: 53, spread: 2);
        double before = FrechetDistance.Between(FeatureStatistics.Of(a), FeatureStatistics.Of(b));

        double after = FrechetDistance.Between(FeatureStatistics.Of(Shift(a, v)), FeatureStatistics.Of(Shift(b, v)));

        Assert.True(before > 1, $"the sets should differ, distance {before:R}");
        Assert.True(Math.Abs(after - before) <= 1e-9 * before, $"before {before:R}, after {after:R}");
    }

    [Fact]
    public void Between_SwappedArguments_Symmetric()
    {
        var golden = Golden.Load("frechet_distance");
        var first = FeatureStatistics.Of(golden.Tensor("features1"));
        var second = FeatureStatistics.Of(golden.Tensor("features2"));

        double forward = FrechetDistance.Between(first, second);
        double backward = FrechetDistance.Between(second, first);

        // Tr (S1 S2)^{1/2} = Tr (S2 S1)^{1/2}, although the code takes the square root of a different matrix.
        Assert.True(Math.Abs(forward - backward) <= 1e-10 * forward, $"{forward:R} vs {backward:R}");
    }

    [Fact]
    public void Between_OneDimension_IsMeanGapSquaredPlusStdGapSquared()
    {
        // In 1-D the formula reduces to (mu1 - mu2)^2 + (s1 - s2)^2 with s the sample standard deviation.
        var a = TestTensors.Uniform([80, 1], -1f, 3f, seed: 54, requiresGrad: false);
        var b = TestTensors.Uniform([60, 1], 0f, 1f, seed: 55, requiresGrad: false);
        var (muA, sA) = MeanAndStd(a.ToArray());
        var (muB, sB) = MeanAndStd(b.ToArray());
        double expected = (muA - muB) * (muA - muB) + (sA - sB) * (sA - sB);

        double actual = FrechetDistance.Between(FeatureStatistics.Of(a), FeatureStatistics.Of(b));

        Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected, $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Between_DimensionMismatch_Throws()
    {
        var first = FeatureStatistics.Of(TestTensors.Uniform([10, 4], 0f, 1f, seed: 56, requiresGrad: false));
        var second = FeatureStatistics.Of(TestTensors.Uniform([10, 3], 0f, 1f, seed: 57, requiresGrad: false));

        var ex = Assert.Throws<ArgumentException>(() => FrechetDistance.Between(first, second));

        Assert.Equal("second", ex.ParamName);
        Assert.Contains("(4 and 3)", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>[n, d] small integers, each column mixed with the previous one so the covariance is not diagonal.</summary>
    private static Tensor IntegerFeatures(int n, int d, ulong seed, double spread = 3)
    {
        var rng = new Rng(seed);
        var values = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++)
            {
                values[i * d + a] = (float)Math.Round(spread * rng.NextNormal()) + (a > 0 ? values[i * d + a - 1] : 0);
            }
        }
        return Tensor.FromArray(values, n, d);
    }

    private static Tensor Shift(Tensor x, double[] v)
    {
        int d = v.Length;
        var values = x.ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] += (float)v[i % d];
        }
        return Tensor.FromArray(values, [.. x.Shape]);
    }

    private static (double Mean, double Std) MeanAndStd(float[] x)
    {
        double mean = x.Average(v => (double)v);
        double variance = x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
        return (mean, Math.Sqrt(variance));
    }

    private static double Trace(double[,] m)
    {
        double t = 0;
        for (int i = 0; i < m.GetLength(0); i++)
        {
            t += m[i, i];
        }
        return t;
    }
}
