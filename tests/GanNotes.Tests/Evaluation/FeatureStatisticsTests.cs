using GanNotes.Evaluation;
using GanNotes.Tensors;

namespace GanNotes.Tests.Evaluation;

/// <summary>Mean and 1/(n-1) covariance against NumPy-style float64 statistics (tests/data/golden/frechet_distance.json).</summary>
public class FeatureStatisticsTests
{
    [Fact]
    public void Of_GoldenFeatures_MatchesFloat64MeanAndCovariance()
    {
        var golden = Golden.Load("frechet_distance");
        var expectedMean = golden.Exact("mu1");
        var expectedCovariance = golden.ExactMatrix("sigma1");

        var statistics = FeatureStatistics.Of(golden.Tensor("features1"));

        Assert.Equal(300, statistics.Count);
        Assert.Equal(16, statistics.Dimension);
        // Both sum the same float32 inputs in double; only the order of the additions differs.
        double meanScale = expectedMean.Max(Math.Abs);
        for (int a = 0; a < expectedMean.Length; a++)
        {
            Assert.True(Math.Abs(statistics.Mean[a] - expectedMean[a]) <= 1e-12 * meanScale,
                $"mean[{a}]: expected {expectedMean[a]:R}, got {statistics.Mean[a]:R}");
        }
        double covarianceScale = expectedCovariance.Cast<double>().Max(Math.Abs);
        for (int a = 0; a < 16; a++)
        {
            for (int b = 0; b < 16; b++)
            {
                Assert.True(Math.Abs(statistics.Covariance[a, b] - expectedCovariance[a, b]) <= 1e-12 * covarianceScale,
                    $"cov[{a}, {b}]: expected {expectedCovariance[a, b]:R}, got {statistics.Covariance[a, b]:R}");
            }
        }
    }

    [Fact]
    public void Of_TwoRows_CovarianceIsHalfOuterProductOfDifference()
    {
        // With two rows, mu = (x1 + x2)/2 and each centred row is +-(x1 - x2)/2, so
        // Sigma = 2 ((x1 - x2)/2)((x1 - x2)/2)^T / (2 - 1) = (x1 - x2)(x1 - x2)^T / 2.
        float[] x1 = [1f, -2f, 0.5f], x2 = [3f, 4f, -1.5f];
        var statistics = FeatureStatistics.Of(Tensor.FromArray([.. x1, .. x2], 2, 3));

        for (int a = 0; a < 3; a++)
        {
            Assert.Equal((x1[a] + x2[a]) / 2.0, statistics.Mean[a], 15);
            for (int b = 0; b < 3; b++)
            {
                Assert.Equal((x1[a] - x2[a]) * (double)(x1[b] - x2[b]) / 2, statistics.Covariance[a, b], 14);
            }
        }
    }

    [Fact]
    public void Of_ConstantColumn_HasZeroVarianceAndCovariance()
    {
        // The middle column is constant (like a ReLU feature that never fires).
        var statistics = FeatureStatistics.Of(Tensor.FromArray([1f, 0f, 2f, 3f, 0f, -1f, 5f, 0f, 4f], 3, 3));

        for (int a = 0; a < 3; a++)
        {
            Assert.Equal(0.0, statistics.Covariance[1, a]);
            Assert.Equal(0.0, statistics.Covariance[a, 1]);
        }
        Assert.True(statistics.Covariance[0, 0] > 0);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(0, 4)]
    public void Of_FewerThanTwoRows_Throws(int rows, int columns)
    {
        var ex = Assert.Throws<ArgumentException>(() => FeatureStatistics.Of(Tensor.Zeros(rows, columns)));
        Assert.Equal("features", ex.ParamName);
        Assert.Contains($"[{rows}, {columns}]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_RankOne_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => FeatureStatistics.Of(Tensor.Zeros(6)));
        Assert.Equal("features", ex.ParamName);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    public void Of_NonFiniteFeature_Throws(float value)
    {
        var features = TestTensors.Uniform([5, 3], -1f, 1f, seed: 41, requiresGrad: false).ToArray();
        features[7] = value;

        var ex = Assert.Throws<ArgumentException>(() => FeatureStatistics.Of(Tensor.FromArray(features, 5, 3)));

        Assert.Equal("features", ex.ParamName);
        Assert.Contains("NaN", ex.Message, StringComparison.Ordinal);
    }
}
