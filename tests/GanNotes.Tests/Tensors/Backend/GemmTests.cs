using GanNotes.Tensors;
using GanNotes.Tensors.Backend;

namespace GanNotes.Tests.Tensors.Backend;

public class GemmTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<int, int, int> OddShapes => new()
    {
        { 1, 1, 1 },
        { 7, 13, 5 },
        { 37, 65, 129 },
        { 6, 32, 256 },
        { 13, 33, 257 },
        { 5, 17, 600 },
        { 70, 3, 31 },
        { 2, 100, 8 },
        { 1, 40, 300 },
        { 50, 1, 300 },
        { 1, 3136, 128 },
        { 128, 1, 3136 },
    };

    [Theory]
    [MemberData(nameof(OddShapes))]
    public void Multiply_AllTransposeCombinations_MatchesReference(int m, int n, int k)
    {
        foreach (bool transA in new[] { false, true })
        {
            foreach (bool transB in new[] { false, true })
            {
                foreach (bool accumulate in new[] { false, true })
                {
                    CheckAgainstReference(transA, transB, m, n, k, accumulate, seed: m + (31 * n) + (977 * k));
                }
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Multiply_LargeShape_MatchesReference(bool transA, bool transB)
    {
        CheckAgainstReference(transA, transB, 128, 784, 512, accumulate: false, seed: 1);
    }

    [Theory]
    [InlineData(128, 1024, 512, false, true)]
    [InlineData(128, 512, 1024, false, false)]
    [InlineData(1024, 512, 128, true, false)]
    public void Multiply_GanTrainingShapes_MatchesReference(int m, int n, int k, bool transA, bool transB)
    {
        CheckAgainstReference(transA, transB, m, n, k, accumulate: true, seed: 2);
    }

    [Fact]
    public void Multiply_ZeroDepthWithoutAccumulate_ZeroesC()
    {
        float[] c = [1f, 2f, 3f, 4f, 5f, 6f, 7f];

        Gemm.Multiply(false, false, 2, 3, 0, [], [], c, accumulate: false);

        Assert.Equal(new[] { 0f, 0f, 0f, 0f, 0f, 0f, 7f }, c);
    }

    [Fact]
    public void Multiply_ZeroDepthWithAccumulate_LeavesC()
    {
        float[] c = [1f, 2f, 3f, 4f, 5f, 6f];

        Gemm.Multiply(true, true, 2, 3, 0, [], [], c, accumulate: true);

        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, c);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    public void Multiply_EmptyOutput_LeavesC(int m, int n)
    {
        float[] c = [1f, 2f, 3f];

        Gemm.Multiply(false, false, m, n, 4, new float[12], new float[12], c, accumulate: false);

        Assert.Equal(new[] { 1f, 2f, 3f }, c);
    }

    [Fact]
    public void Multiply_GarbageInCWithoutAccumulate_OverwritesC()
    {
        const int m = 9, n = 40, k = 300;
        float[] a = RandomArray(m * k, 3);
        float[] b = RandomArray(k * n, 4);
        float[] c = new float[m * n];
        Array.Fill(c, float.NaN);

        Gemm.Multiply(false, false, m, n, k, a, b, c, accumulate: false);

        Assert.All(c, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Multiply_LongerArrays_UsesLeadingDataOnly()
    {
        const int m = 7, n = 35, k = 11;
        float[] a = RandomArray((m * k) + 5, 5);
        float[] b = RandomArray((k * n) + 5, 6);
        float[] c = new float[(m * n) + 3];
        Array.Fill(c, 42f);
        (double[] expected, double[] bounds) = Reference(false, false, m, n, k, a, b, null);

        Gemm.Multiply(false, false, m, n, k, a, b, c, accumulate: false);

        AssertClose(expected, bounds, c);
        Assert.Equal(new[] { 42f, 42f, 42f }, c[(m * n)..]);
    }

    [Fact]
    public void Multiply_ShortArray_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 2, 2, 2, new float[3], new float[4], new float[4], accumulate: false));
    }

    [Theory]
    [InlineData(301, 45, 257, false, true)]
    [InlineData(128, 784, 300, false, true)]
    [InlineData(70, 3, 0, true, false)]
    [InlineData(128, 1, 300, false, true)]
    [InlineData(1, 300, 128, true, false)]
    public void Multiply_RowBias_BitwiseEqualToBroadcastThenAccumulate(int m, int n, int k, bool transA, bool transB)
    {
        float[] a = RandomArray(m * k, 11);
        float[] b = RandomArray(k * n, 12);
        float[] bias = RandomArray(n, 13);
        float[] expected = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            bias.CopyTo(expected, i * n);
        }
        Gemm.Multiply(transA, transB, m, n, k, a, b, expected, accumulate: true);
        int saved = Threading.NumThreads;
        try
        {
            foreach (int threads in new[] { 1, 2 })
            {
                Threading.NumThreads = threads;
                float[] c = RandomArray(m * n, 14); // every value is overwritten
                Gemm.Multiply(transA, transB, m, n, k, a, b, c, accumulate: false, rowBias: bias);
                Assert.Equal(expected, c);
            }
        }
        finally
        {
            Threading.NumThreads = saved;
        }
    }

    [Fact]
    public void Multiply_RowBiasWithAccumulateOrTooShort_Throws()
    {
        float[] a = new float[6], b = new float[6], c = new float[4];
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, a, b, c, accumulate: true, rowBias: new float[2]));
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 3, a, b, c, accumulate: false, rowBias: new float[1]));
        Assert.Contains("shorter than the n columns", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(128, 784, 512, false, true)]
    [InlineData(1024, 512, 128, true, false)]
    [InlineData(37, 650, 129, true, true)]
    [InlineData(301, 45, 257, false, false)]
    [InlineData(128, 1, 3136, false, true)]
    [InlineData(1, 3136, 128, true, false)]
    public void Multiply_OneVersusTwoThreads_BitwiseIdentical(int m, int n, int k, bool transA, bool transB)
    {
        float[] a = RandomArray(m * k, 7);
        float[] b = RandomArray(k * n, 8);
        float[] c0 = RandomArray(m * n, 9);
        float[] one = (float[])c0.Clone();
        float[] two = (float[])c0.Clone();
        int saved = Threading.NumThreads;
        try
        {
            Threading.NumThreads = 1;
            Gemm.Multiply(transA, transB, m, n, k, a, b, one, accumulate: true);
            Threading.NumThreads = 2;
            Gemm.Multiply(transA, transB, m, n, k, a, b, two, accumulate: true);
        }
        finally
        {
            Threading.NumThreads = saved;
        }

        Assert.Equal(one, two);
    }

    [Fact]
    public void NumThreads_SetBelowOne_ThrowsNamingValue()
    {
        int saved = Threading.NumThreads;
        try
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Threading.NumThreads = 0);
            Assert.Contains("Invalid thread count: 0", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Threading.NumThreads = saved;
        }
    }

    private static void CheckAgainstReference(bool transA, bool transB, int m, int n, int k, bool accumulate, int seed)
    {
        float[] a = RandomArray(m * k, seed);
        float[] b = RandomArray(k * n, seed + 1);
        float[] c = RandomArray(m * n, seed + 2);
        float[]? c0 = accumulate ? (float[])c.Clone() : null;
        (double[] expected, double[] bounds) = Reference(transA, transB, m, n, k, a, b, c0);

        Gemm.Multiply(transA, transB, m, n, k, a, b, c, accumulate);

        AssertClose(expected, bounds, c);
    }

    /// <summary>Naive double-precision product and, per element, c0 + sum |a||b| for the error bound.</summary>
    private static (double[] Expected, double[] Bounds) Reference(
        bool transA, bool transB, int m, int n, int k, float[] a, float[] b, float[]? c0)
    {
        // Rows of op(A) and columns of op(B), each contiguous over k.
        var rows = new double[m * k];
        var cols = new double[n * k];
        for (int p = 0; p < k; p++)
        {
            for (int i = 0; i < m; i++)
            {
                rows[(i * k) + p] = transA ? a[(p * m) + i] : a[(i * k) + p];
            }

            for (int j = 0; j < n; j++)
            {
                cols[(j * k) + p] = transB ? b[(j * k) + p] : b[(p * n) + j];
            }
        }

        var expected = new double[m * n];
        var bounds = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double start = c0 is null ? 0 : c0[(i * n) + j];
                double sum = start, bound = Math.Abs(start);
                for (int p = 0; p < k; p++)
                {
                    double product = rows[(i * k) + p] * cols[(j * k) + p];
                    sum += product;
                    bound += Math.Abs(product);
                }

                expected[(i * n) + j] = sum;
                bounds[(i * n) + j] = bound;
            }
        }

        return (expected, bounds);
    }

    private static void AssertClose(double[] expected, double[] bounds, float[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(
                error <= (Tolerance * bounds[i]) + 1e-30,
                $"element {i}: expected {expected[i]}, got {actual[i]} (bound {bounds[i]})");
        }
    }

    private static float[] RandomArray(int length, int seed)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return data;
    }
}
