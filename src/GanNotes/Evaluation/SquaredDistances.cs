using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using GanNotes.Tensors;

namespace GanNotes.Evaluation;

/// <summary>
/// Squared Euclidean distances between every query row and every reference row, a block of
/// queries at a time: |x - s|^2 = |x|^2 + |s|^2 - 2 x . s, the cross term one matrix product
/// (so it runs on the GEMM, on any device).
/// </summary>
internal static class SquaredDistances
{
    /// <summary>Query rows per block: 512 x 10,000 distances are 20 MB.</summary>
    public const int Block = 512;

    /// <summary>
    /// Calls <paramref name="visit"/>(first, distances) for each block of queries, where
    /// distances[i * n + j] = |queries[first + i] - references[j]|^2 (clamped at 0: rounding
    /// can make the expansion slightly negative for a point and itself).
    /// </summary>
    public static void ForEachBlock(Tensor queries, Tensor references, Action<int, int, float[]> visit)
    {
        Check(queries, references);
        int m = queries.Shape[0], n = references.Shape[0];
        float[] referenceNorms = RowNorms(references);
        using (Autograd.NoGrad())
        {
            for (int first = 0; first < m; first += Block)
            {
                int rows = Math.Min(Block, m - first);
                float[] distances;
                using (TensorScope.Begin())
                {
                    var block = queries.IndexSelect([.. Enumerable.Range(first, rows)]);
                    distances = Tensor.MatMul(block, false, references, true).ToArray();
                    float[] queryNorms = RowNorms(block);
                    Parallel.For(0, rows, i =>
                    {
                        var row = distances.AsSpan(i * n, n);
                        // |x|^2 + |s|^2 - 2 x.s, at least 0
                        TensorPrimitives.MultiplyAdd(row, -2f, referenceNorms, row);
                        TensorPrimitives.Add(row, queryNorms[i], row);
                        TensorPrimitives.Max(row, 0f, row);
                    });
                }
                visit(first, rows, distances);
            }
        }
    }

    private static float[] RowNorms(Tensor x)
    {
        int rows = x.Shape[0], d = x.Shape[1];
        float[] values = x.ToArray();
        var norms = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double s = 0;
            for (int k = 0; k < d; k++)
            {
                s += (double)values[i * d + k] * values[i * d + k];
            }
            norms[i] = (float)s;
        }
        return norms;
    }

    /// <summary>Throws unless both are [rows, d] with one d and at least one reference row.</summary>
    public static void Check(Tensor queries, Tensor references)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(references);
        if (queries.Rank != 2 || references.Rank != 2 || queries.Shape[1] != references.Shape[1])
        {
            throw new ArgumentException($"Distances need two sets of rows of one dimension, got [{string.Join(", ", queries.Shape)}] and [{string.Join(", ", references.Shape)}].");
        }
        if (references.Shape[0] == 0)
        {
            throw new ArgumentException("Distances need at least one reference row.");
        }
    }
}
