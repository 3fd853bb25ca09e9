using System.Globalization;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using GanNotes.Tensors;

namespace GanNotes.Evaluation;

/// <summary>A Parzen-window estimate of a test set's mean log-likelihood.</summary>
/// <param name="MeanLogLikelihood">The mean over test points of log p_sigma(x), in nats.</param>
/// <param name="StandardError">The standard error of that mean: the sample sd over test points / sqrt(m).</param>
/// <param name="Sigma">The window's width, chosen on the validation set.</param>
/// <param name="TestCount">m, the number of test points.</param>
public sealed record ParzenEstimate(double MeanLogLikelihood, double StandardError, double Sigma, int TestCount)
{
    /// <summary>"log-likelihood 123.4 ± 1.9 nats (sigma 0.12, 10000 test points)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"log-likelihood {MeanLogLikelihood:F1} ± {StandardError:F1} nats (sigma {Sigma:0.###}, {TestCount} test points)");
}

/// <summary>
/// The GAN paper's measure (Goodfellow et al. 2014, Section 5, after Breuleux et al. 2011): fit a
/// Gaussian Parzen window to G's samples s_1..s_n and report the test set's log-likelihood under it,
/// log p_sigma(x) = log (1/n) sum_i N(x; s_i, sigma^2 I)
///                = logsumexp_i(-|x - s_i|^2 / (2 sigma^2)) - log n - (d/2) log(2 pi sigma^2),
/// with sigma chosen by maximising the same on a validation set.
/// </summary>
/// <remarks>
/// Theis, van den Oord and Bethge (2016, "A note on the evaluation of generative models") show why
/// the number is distrusted: in 784 dimensions a Parzen window needs far more samples than anyone
/// draws, so the estimate is far below the true log-likelihood, can rank models wrongly, and even
/// a model that stores the training set (k-means centres) scores well.
/// </remarks>
public static class ParzenWindow
{
    /// <summary>The widths tried: 20 values log-spaced from 0.05 to 1 (pixels in [0, 1]).</summary>
    public static IReadOnlyList<double> DefaultSigmas { get; } =
        [.. Enumerable.Range(0, 20).Select(i => 0.05 * Math.Pow(20, i / 19.0))];

    /// <summary>log p_sigma(x) for each row of <paramref name="points"/> ([m, d]) under the window on <paramref name="samples"/> ([n, d]), one column per sigma.</summary>
    /// <returns>result[s][i]: the log-likelihood of point i with sigma = sigmas[s], in nats.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit, or a sigma is not positive and finite.</exception>
    public static double[][] LogLikelihoods(Tensor samples, Tensor points, IReadOnlyList<double> sigmas)
    {
        ArgumentNullException.ThrowIfNull(sigmas);
        if (sigmas.Count == 0 || sigmas.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            throw new ArgumentException($"Invalid sigmas: {string.Join(", ", sigmas)}; each must be positive and finite.", nameof(sigmas));
        }
        SquaredDistances.Check(points, samples);
        int m = points.Shape[0], n = samples.Shape[0], d = points.Shape[1];
        var result = sigmas.Select(_ => new double[m]).ToArray();
        double[] constants = [.. sigmas.Select(sigma => -Math.Log(n) - d / 2.0 * Math.Log(2 * Math.PI * sigma * sigma))];
        SquaredDistances.ForEachBlock(points, samples, (first, rows, distances) =>
        {
            Parallel.For(0, rows, () => new float[n], (i, _, shifted) =>
            {
                var row = distances.AsSpan(i * n, n);
                float nearest = TensorPrimitives.Min(row);
                for (int s = 0; s < sigmas.Count; s++)
                {
                    double scale = -1 / (2 * sigmas[s] * sigmas[s]);
                    // logsumexp shifted by the largest term (the nearest sample), so nothing underflows to log 0:
                    // exp(scale (r - nearest)) lies in (0, 1] and the nearest sample's term is exactly 1.
                    TensorPrimitives.Subtract(row, nearest, shifted);
                    TensorPrimitives.Multiply(shifted, (float)scale, shifted);
                    TensorPrimitives.Exp(shifted, shifted);
                    result[s][first + i] = scale * nearest + Math.Log(TensorPrimitives.Sum<float>(shifted)) + constants[s];
                }
                return shifted;
            }, _ => { });
        });
        return result;
    }

    /// <summary>
    /// The paper's procedure: the sigma of <paramref name="sigmas"/> (default <see cref="DefaultSigmas"/>)
    /// with the highest mean log-likelihood on <paramref name="validation"/>, then the test set's mean
    /// log-likelihood under it with its standard error.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit, or fewer than 2 test points.</exception>
    public static ParzenEstimate Estimate(Tensor samples, Tensor validation, Tensor test, IReadOnlyList<double>? sigmas = null) =>
        TestLogLikelihoods(samples, validation, test, sigmas).Estimate;

    /// <summary>
    /// As <see cref="Estimate"/>, keeping each test point's log p_sigma(x): two generators scored
    /// on the same test points are then compared point by point (<see cref="PairedDifference"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not fit, or fewer than 2 test points.</exception>
    public static ParzenLogLikelihoods TestLogLikelihoods(Tensor samples, Tensor validation, Tensor test, IReadOnlyList<double>? sigmas = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.Rank != 2 || test.Shape[0] < 2)
        {
            throw new ArgumentException($"ParzenWindow needs at least 2 test points of shape [m, d], got [{string.Join(", ", test.Shape)}].", nameof(test));
        }
        var grid = sigmas ?? DefaultSigmas;
        double[] onValidation = [.. LogLikelihoods(samples, validation, grid).Select(v => v.Average())];
        int best = 0;
        for (int s = 1; s < grid.Count; s++)
        {
            if (onValidation[s] > onValidation[best])
            {
                best = s;
            }
        }
        return new ParzenLogLikelihoods(grid[best], LogLikelihoods(samples, test, [grid[best]])[0]);
    }
}
