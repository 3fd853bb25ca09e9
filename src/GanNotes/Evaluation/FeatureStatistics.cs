using GanNotes.Tensors;

namespace GanNotes.Evaluation;

/// <summary>
/// The mean and covariance of a set of feature vectors, the Gaussian that the Fréchet distance
/// compares (Heusel et al. 2017): mu = (1/n) sum_i f_i, Sigma = (1/(n-1)) sum_i (f_i - mu)(f_i - mu)^T.
/// </summary>
public sealed class FeatureStatistics
{
    private FeatureStatistics(double[] mean, double[,] covariance, int count)
    {
        Mean = mean;
        Covariance = covariance;
        Count = count;
    }

    /// <summary>mu, length d.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Sigma, d x d, with the unbiased 1/(n-1) (as NumPy's cov, which FID's reference code uses).</summary>
    public double[,] Covariance { get; }

    /// <summary>n, the number of vectors.</summary>
    public int Count { get; }

    /// <summary>d, the dimension.</summary>
    public int Dimension => Mean.Count;

    /// <summary>The statistics of the rows of <paramref name="features"/>, shape [n, d] with n &gt;= 2; sums in double.</summary>
    /// <exception cref="ArgumentException">The features are not [n, d] with n &gt;= 2, or hold a NaN or infinity.</exception>
    public static FeatureStatistics Of(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rank != 2 || features.Shape[0] < 2)
        {
            throw new ArgumentException($"FeatureStatistics needs features of shape [n, d] with n >= 2, got [{string.Join(", ", features.Shape)}].", nameof(features));
        }
        int n = features.Shape[0], d = features.Shape[1];
        float[] f = features.ToArray();
        if (!f.All(float.IsFinite))
        {
            throw new ArgumentException("FeatureStatistics: the features hold a NaN or an infinity (did G diverge?).", nameof(features));
        }
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++)
            {
                mean[a] += f[i * d + a];
            }
        }
        for (int a = 0; a < d; a++)
        {
            mean[a] /= n;
        }
        var cov = new double[d, d];
        var centred = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++)
            {
                centred[a] = f[i * d + a] - mean[a];
            }
            for (int a = 0; a < d; a++)
            {
                double ca = centred[a];
                if (ca == 0)
                {
                    continue; // ReLU features are often exactly 0
                }
                for (int b = a; b < d; b++)
                {
                    cov[a, b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++)
            {
                cov[a, b] /= n - 1;
                cov[b, a] = cov[a, b];
            }
        }
        return new FeatureStatistics(mean, cov, n);
    }
}
