namespace GanNotes.Evaluation;

/// <summary>
/// The Fréchet distance between two Gaussians fitted to feature vectors (Heusel et al. 2017, the
/// "FID" when the features are Inception's):
/// d^2 = |mu_1 - mu_2|^2 + Tr(Sigma_1 + Sigma_2 - 2 (Sigma_1 Sigma_2)^{1/2}).
/// </summary>
/// <remarks>
/// Tr (Sigma_1 Sigma_2)^{1/2} is computed as the sum of the square roots of the eigenvalues of
/// the symmetric matrix Sigma_1^{1/2} Sigma_2 Sigma_1^{1/2}, which has the same eigenvalues as
/// Sigma_1 Sigma_2 and, unlike it, is symmetric. Eigenvalues that rounding pushes below 0 count as 0.
/// The result is the squared distance, as FID reports it; 0 for identical statistics.
/// </remarks>
public static class FrechetDistance
{
    /// <summary>d^2 between the Gaussians of <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">The statistics differ in dimension.</exception>
    public static double Between(FeatureStatistics first, FeatureStatistics second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Dimension != second.Dimension)
        {
            throw new ArgumentException($"FrechetDistance: the features differ in dimension ({first.Dimension} and {second.Dimension}).", nameof(second));
        }
        int d = first.Dimension;
        double meanTerm = 0, traceTerm = 0;
        for (int a = 0; a < d; a++)
        {
            double diff = first.Mean[a] - second.Mean[a];
            meanTerm += diff * diff;
            traceTerm += first.Covariance[a, a] + second.Covariance[a, a];
        }
        var sqrtFirst = new SymmetricEigen(first.Covariance).Apply(l => Math.Sqrt(Math.Max(l, 0)));
        var product = Symmetrise(Multiply(Multiply(sqrtFirst, second.Covariance), sqrtFirst));
        double traceSqrt = new SymmetricEigen(product).Values.Sum(l => Math.Sqrt(Math.Max(l, 0)));
        return Math.Max(meanTerm + traceTerm - 2 * traceSqrt, 0);
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var c = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                double aik = a[i, k];
                for (int j = 0; j < n; j++)
                {
                    c[i, j] += aik * b[k, j];
                }
            }
        }
        return c;
    }

    /// <summary>(M + M^T) / 2: the product is symmetric in exact arithmetic, not after rounding.</summary>
    private static double[,] Symmetrise(double[,] m)
    {
        int n = m.GetLength(0);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double s = (m[i, j] + m[j, i]) / 2;
                m[i, j] = s;
                m[j, i] = s;
            }
        }
        return m;
    }
}
