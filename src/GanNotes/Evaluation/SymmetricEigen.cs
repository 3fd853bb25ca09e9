namespace GanNotes.Evaluation;

/// <summary>
/// Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method
/// (Golub &amp; Van Loan, Matrix Computations, 4th ed., Alg. 8.5.3): rotations zero the
/// off-diagonal entries one pair at a time until they are negligible.
/// </summary>
/// <remarks>
/// In double precision; O(n^3) per sweep and a handful of sweeps, fine for the 128 x 128
/// covariances of the Fréchet distance. The input must be symmetric; it is not modified.
/// </remarks>
public sealed class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Decomposes <paramref name="a"/> = V diag(values) V^T.</summary>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, or has a non-finite entry.</exception>
    public SymmetricEigen(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.GetLength(0);
        if (a.GetLength(1) != n)
        {
            throw new ArgumentException($"SymmetricEigen needs a square matrix, got {n} x {a.GetLength(1)}.", nameof(a));
        }
        var m = (double[,])a.Clone();
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (!double.IsFinite(m[i, j]))
                {
                    throw new ArgumentException($"SymmetricEigen: entry ({i}, {j}) is {m[i, j]}.", nameof(a));
                }
                if (Math.Abs(m[i, j] - m[j, i]) > 1e-9 * (Math.Abs(m[i, j]) + Math.Abs(m[j, i]) + 1e-300))
                {
                    throw new ArgumentException($"SymmetricEigen needs a symmetric matrix: entry ({i}, {j}) is {m[i, j]} but ({j}, {i}) is {m[j, i]}.", nameof(a));
                }
                scale = Math.Max(scale, Math.Abs(m[i, j]));
            }
        }
        var v = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }
        for (int sweep = 0; sweep < MaxSweeps && OffDiagonal(m) > 1e-15 * scale * n; sweep++)
        {
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(m, v, p, q);
                }
            }
        }
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = m[i, i];
        }
        Values = values;
        Vectors = v;
    }

    /// <summary>The eigenvalues, in the order of <see cref="Vectors"/>' columns.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The eigenvectors as columns: Vectors[:, i] belongs to Values[i].</summary>
    public double[,] Vectors { get; }

    /// <summary>V diag(f(values)) V^T: a function of the matrix, e.g. its square root.</summary>
    public double[,] Apply(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = Values.Count;
        var fv = Values.Select(f).ToArray();
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += Vectors[i, k] * fv[k] * Vectors[j, k];
                }
                result[i, j] = s;
                result[j, i] = s;
            }
        }
        return result;
    }

    private static double OffDiagonal(double[,] m)
    {
        int n = m.GetLength(0);
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                s = Math.Max(s, Math.Abs(m[i, j]));
            }
        }
        return s;
    }

    /// <summary>One Jacobi rotation in the (p, q) plane that zeroes m[p, q] (Golub &amp; Van Loan, Alg. 8.5.1).</summary>
    private static void Rotate(double[,] m, double[,] v, int p, int q)
    {
        double apq = m[p, q];
        if (apq == 0)
        {
            return;
        }
        double tau = (m[q, q] - m[p, p]) / (2 * apq);
        // The smaller root of t^2 + 2 tau t - 1 = 0 keeps the rotation angle below pi / 4, which is what makes the sweeps converge.
        double t = Math.Sign(tau) == -1 ? -1 / (-tau + Math.Sqrt(1 + tau * tau)) : 1 / (tau + Math.Sqrt(1 + tau * tau));
        double c = 1 / Math.Sqrt(1 + t * t);
        double s = t * c;
        int n = m.GetLength(0);
        for (int k = 0; k < n; k++)
        {
            double mkp = m[k, p], mkq = m[k, q];
            m[k, p] = c * mkp - s * mkq;
            m[k, q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++)
        {
            double mpk = m[p, k], mqk = m[q, k];
            m[p, k] = c * mpk - s * mqk;
            m[q, k] = s * mpk + c * mqk;
        }
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
