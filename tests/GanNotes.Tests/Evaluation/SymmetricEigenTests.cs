using GanNotes.Evaluation;
using GanNotes.Tensors;

namespace GanNotes.Tests.Evaluation;

/// <summary>The Jacobi eigen-decomposition against torch.linalg.eigvalsh (tests/data/golden/symmetric_eigen.json) and its defining identities.</summary>
public class SymmetricEigenTests
{
    // Jacobi is accurate to a few ulps of the largest |eigenvalue| (about 5 here); LAPACK's
    // eigvalsh likewise, so the two agree far below this.
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData("a", "eigenvalues")]
    [InlineData("a_repeated", "eigenvalues_repeated")]
    public void Values_GoldenMatrix_MatchEigvalsh(string matrix, string eigenvalues)
    {
        var golden = Golden.Load("symmetric_eigen");
        var expected = golden.Exact(eigenvalues);

        var actual = new SymmetricEigen(golden.ExactMatrix(matrix)).Values.Order().ToArray();

        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= Tolerance * scale,
                $"eigenvalue {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a_repeated")]
    public void Vectors_GoldenMatrix_ReconstructMatrix(string matrix)
    {
        var a = Golden.Load("symmetric_eigen").ExactMatrix(matrix);
        var eigen = new SymmetricEigen(a);
        int n = a.GetLength(0);

        // V diag(lambda) V^T, summed here rather than through Apply, which the next assertion checks.
        var reconstructed = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    reconstructed[i, j] += eigen.Vectors[i, k] * eigen.Values[k] * eigen.Vectors[j, k];
                }
            }
        }

        double scale = MaxAbs(a);
        AssertClose(a, reconstructed, Tolerance * scale);
        AssertClose(a, eigen.Apply(l => l), Tolerance * scale);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a_repeated")]
    public void Vectors_GoldenMatrix_AreOrthonormal(string matrix)
    {
        var eigen = new SymmetricEigen(Golden.Load("symmetric_eigen").ExactMatrix(matrix));
        var v = eigen.Vectors;
        int n = v.GetLength(0);

        var gram = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    gram[i, j] += v[k, i] * v[k, j];
                }
            }
        }

        AssertClose(Identity(n), gram, Tolerance);
    }

    [Fact]
    public void Constructor_DiagonalMatrix_ValuesAreDiagonalAndVectorsIdentity()
    {
        double[] diagonal = [3.5, -1.25, 0, 7, 2];
        int n = diagonal.Length;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            a[i, i] = diagonal[i];
        }

        var eigen = new SymmetricEigen(a);

        Assert.Equal(diagonal, eigen.Values);
        AssertClose(Identity(n), eigen.Vectors, 0);
    }

    [Fact]
    public void Apply_SquareRootOfPositiveDefinite_SquaresBackToMatrix()
    {
        // M = B^T B + I is symmetric positive definite.
        int n = 9;
        var b = RandomMatrix(n, seed: 31);
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    m[i, j] += b[k, i] * b[k, j];
                }
            }
            m[i, i] += 1;
        }

        var root = new SymmetricEigen(m).Apply(Math.Sqrt);

        var squared = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    squared[i, j] += root[i, k] * root[k, j];
                }
            }
        }
        AssertClose(m, squared, Tolerance * MaxAbs(m));
    }

    [Fact]
    public void Constructor_NonSquare_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SymmetricEigen(new double[3, 4]));
        Assert.Equal("a", ex.ParamName);
        Assert.Contains("3 x 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonSymmetric_ThrowsNamingEntries()
    {
        var a = RandomSymmetric(4, seed: 32);
        a[1, 3] += 1e-3;

        var ex = Assert.Throws<ArgumentException>(() => new SymmetricEigen(a));

        Assert.Equal("a", ex.ParamName);
        Assert.Contains("(1, 3)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_NonFiniteEntry_Throws(double value)
    {
        var a = RandomSymmetric(4, seed: 33);
        a[2, 0] = value;
        a[0, 2] = value;

        var ex = Assert.Throws<ArgumentException>(() => new SymmetricEigen(a));

        Assert.Equal("a", ex.ParamName);
        Assert.Contains("(0, 2)", ex.Message, StringComparison.Ordinal);
    }

    private static double[,] RandomMatrix(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i, j] = rng.NextNormal();
            }
        }
        return m;
    }

    private static double[,] RandomSymmetric(int n, ulong seed)
    {
        var m = RandomMatrix(n, seed);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                m[j, i] = m[i, j];
            }
        }
        return m;
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            m[i, i] = 1;
        }
        return m;
    }

    private static double MaxAbs(double[,] m) => m.Cast<double>().Max(Math.Abs);

    private static void AssertClose(double[,] expected, double[,] actual, double tolerance)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
        {
            for (int j = 0; j < expected.GetLength(1); j++)
            {
                Assert.True(Math.Abs(actual[i, j] - expected[i, j]) <= tolerance,
                    $"({i}, {j}): expected {expected[i, j]:R}, got {actual[i, j]:R} (tolerance {tolerance:R})");
            }
        }
    }
}
