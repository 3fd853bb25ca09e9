using GanNotes.Tensors;

namespace GanNotes.Evaluation;

/// <summary>One query's nearest reference row.</summary>
/// <param name="Index">The row of the reference set.</param>
/// <param name="Distance">The Euclidean distance to it.</param>
public readonly record struct Neighbour(int Index, double Distance);

/// <summary>
/// The memorisation check of the GAN paper's Figure 2 (its right-hand column): for each generated
/// sample, the training example nearest to it in pixel space. A G that copies its data shows
/// samples identical to their neighbours, at distance near 0.
/// </summary>
public static class NearestNeighbours
{
    /// <summary>For each row of <paramref name="queries"/> ([m, d]), the nearest row of <paramref name="references"/> ([n, d], n &gt;= 1) in Euclidean distance; ties go to the lower index.</summary>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public static Neighbour[] Find(Tensor queries, Tensor references)
    {
        SquaredDistances.Check(queries, references);
        var found = new Neighbour[queries.Shape[0]];
        int n = references.Shape[0];
        SquaredDistances.ForEachBlock(queries, references, (first, rows, distances) =>
        {
            for (int i = 0; i < rows; i++)
            {
                int best = 0;
                float bestDistance = float.PositiveInfinity;
                for (int j = 0; j < n; j++)
                {
                    if (distances[i * n + j] < bestDistance)
                    {
                        bestDistance = distances[i * n + j];
                        best = j;
                    }
                }
                found[first + i] = new Neighbour(best, Math.Sqrt(bestDistance));
            }
        });
        return found;
    }
}
