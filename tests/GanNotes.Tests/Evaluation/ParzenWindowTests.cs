using GanNotes.Evaluation;
using GanNotes.Tensors;

namespace GanNotes.Tests.Evaluation;

/// <summary>The Parzen-window log-likelihood against a float64 PyTorch reference (tests/data/golden/parzen_window.json).</summary>
public class ParzenWindowTests
{
    /// <summary>
    /// The allowed error in nats at width <paramref name="sigma"/>. The reference works in float64
    /// throughout; GanNotes takes the squared distances from the float32 expansion
    /// |x|^2 + |s|^2 - 2 x.s, off by a few ulps of |x|^2 + |s|^2 (about 14 here, so near 2e-6),
    /// and the log-likelihood divides them by 2 sigma^2: 1e-5 / (2 sigma^2) leaves a margin of 5.
    /// </summary>
    private static double Tolerance(double sigma) => 1e-5 / (2 * sigma * sigma);

    [Fact]
    public void LogLikelihoods_GoldenSamples_MatchFloat64Reference()
    {
        var golden = Golden.Load("parzen_window");
        var sigmas = golden.Exact("sigmas");
        var expected = golden.Exact("log_likelihood");

        var actual = ParzenWindow.LogLikelihoods(golden.Tensor("samples"), golden.Tensor("points"), sigmas);

        Assert.Equal(sigmas.Length, actual.Length);
        int m = expected.Length / sigmas.Length;
        for (int s = 0; s < sigmas.Length; s++)
        {
            Assert.Equal(m, actual[s].Length);
            for (int i = 0; i < m; i++)
            {
                double e = expected[s * m + i];
                Assert.True(Math.Abs(actual[s][i] - e) <= Tolerance(sigmas[s]),
                    $"sigma {sigmas[s]}, point {i}: expected {e:R}, got {actual[s][i]:R}");
            }
        }
    }

    [Fact]
    public void Estimate_GoldenSets_PicksGoldenSigmaAndMatchesMeanAndStandardError()
    {
        var golden = Golden.Load("parzen_window");
        var grid = golden.Exact("grid");
        var samples = golden.Tensor("samples");

        var estimate = ParzenWindow.Estimate(samples, golden.Tensor("validation"), golden.Tensor("points"), grid);

        var validationMean = ParzenWindow.LogLikelihoods(samples, golden.Tensor("validation"), grid).Select(v => v.Average()).ToArray();
        var expectedValidationMean = golden.Exact("validation_mean");
        for (int s = 0; s < grid.Length; s++)
        {
            Assert.True(Math.Abs(validationMean[s] - expectedValidationMean[s]) <= Tolerance(grid[s]),
                $"sigma {grid[s]}: validation mean {validationMean[s]:R}, expected {expectedValidationMean[s]:R}");
        }
        Assert.Equal(golden.ExactScalar("best_sigma"), estimate.Sigma);
        Assert.Equal(50, estimate.TestCount);
        double mean = golden.ExactScalar("test_mean"), standardError = golden.ExactScalar("test_standard_error");
        Assert.True(Math.Abs(estimate.MeanLogLikelihood - mean) <= Tolerance(estimate.Sigma), $"mean: expected {mean:R}, got {estimate.MeanLogLikelihood:R}");
        // Per-point errors move the sd by at most their root mean square, and the standard error divides by sqrt(m).
        Assert.True(Math.Abs(estimate.StandardError - standardError) <= Tolerance(estimate.Sigma) / Math.Sqrt(estimate.TestCount), $"standard error: expected {standardError:R}, got {estimate.StandardError:R}");
    }

    [Fact]
    public void TestLogLikelihoods_GoldenSets_EachTestPointAtTheChosenSigmaAndTheirMeanIsTheEstimate()
    {
        var golden = Golden.Load("parzen_window");
        var grid = golden.Exact("grid");
        var (samples, validation, points) = (golden.Tensor("samples"), golden.Tensor("validation"), golden.Tensor("points"));

        var perPoint = ParzenWindow.TestLogLikelihoods(samples, validation, points, grid);

        Assert.Equal(golden.ExactScalar("best_sigma"), perPoint.Sigma);
        Assert.Equal(ParzenWindow.LogLikelihoods(samples, points, [perPoint.Sigma])[0], perPoint.Values);
        Assert.Equal(ParzenWindow.Estimate(samples, validation, points, grid), perPoint.Estimate);
        Assert.Equal(perPoint.Values.Average(), perPoint.Estimate.MeanLogLikelihood, 12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.01)]
    public void LogLikelihoods_PointFarFromSamples_FiniteAndEqualsShiftedLogSumExp(double sigma)
    {
        // |x - s_1|^2 = 10000 and |x - s_2|^2 = 10001, exact in float32. exp(-10000 / (2 sigma^2))
        // underflows to 0 for both sigmas, so an unshifted logsumexp would give -infinity.
        var samples = Tensor.FromArray([0f, 0f, 0f, 1f], 2, 2);
        var point = Tensor.FromArray([100f, 0f], 1, 2);
        double twoVariance = 2 * sigma * sigma;
        double expected = -10000 / twoVariance + Math.Log(1 + Math.Exp(-1 / twoVariance))
            - Math.Log(2) - Math.Log(2 * Math.PI * sigma * sigma);

        double actual = ParzenWindow.LogLikelihoods(samples, point, [sigma])[0][0];

        Assert.True(double.IsFinite(actual), $"log-likelihood {actual}");
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LogLikelihoods_InvalidSigma_ThrowsNamingValue(double bad)
    {
        var x = Tensor.Zeros(3, 2);

        var ex = Assert.Throws<ArgumentException>(() => ParzenWindow.LogLikelihoods(x, x, [0.1, bad]));

        Assert.Equal("sigmas", ex.ParamName);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogLikelihoods_NoSigmas_Throws()
    {
        var x = Tensor.Zeros(3, 2);
        var ex = Assert.Throws<ArgumentException>(() => ParzenWindow.LogLikelihoods(x, x, []));
        Assert.Equal("sigmas", ex.ParamName);
    }

    [Fact]
    public void Estimate_OneTestPoint_Throws()
    {
        var x = Tensor.Zeros(3, 2);
        var ex = Assert.Throws<ArgumentException>(() => ParzenWindow.Estimate(x, x, Tensor.Zeros(1, 2)));
        Assert.Equal("test", ex.ParamName);
    }

    [Fact]
    public void DefaultSigmas_Grid_TwentyLogSpacedFromFivePercentToOne()
    {
        var grid = ParzenWindow.DefaultSigmas;

        Assert.Equal(20, grid.Count);
        Assert.Equal(0.05, grid[0], 15);
        Assert.Equal(1.0, grid[^1], 14);
        double ratio = grid[1] / grid[0];
        Assert.All(grid.Skip(1).Zip(grid), pair => Assert.Equal(ratio, pair.First / pair.Second, 12));
    }
}
