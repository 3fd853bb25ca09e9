using GanNotes.Evaluation;
using GanNotes.Tensors;

namespace GanNotes.Tests.Evaluation;

/// <summary>Nearest neighbours by blocks of the |x|^2 + |s|^2 - 2 x.s expansion, against brute force.</summary>
public class NearestNeighboursTests
{
    [Fact]
    public void Find_QueryEqualToReferenceRow_FindsThatRowAtDistanceNearZero()
    {
        const int n = 200, d = 30;
        var references = TestTensors.Uniform([n, d], 0f, 1f, seed: 61, requiresGrad: false);
        int[] rows = [17, 0, 199, 42, 42, 150];
        var referenceValues = references.ToArray();
        var queries = Tensor.FromArray([.. rows.SelectMany(r => referenceValues.Skip(r * d).Take(d))], rows.Length, d);

        var found = NearestNeighbours.Find(queries, references);

        Assert.Equal(rows, found.Select(f => f.Index));
        // The float32 expansion leaves a rounding residue of a few ulps of |x|^2 (about 10 here)
        // before the square root; any other row is at distance about 2.
        Assert.All(found, f => Assert.InRange(f.Distance, 0, 1e-2));
    }

    [Fact]
    public void Find_MoreQueriesThanOneBlock_MatchesBruteForce()
    {
        const int m = 2 * SquaredDistances.Block + 76, n = 300, d = 8;
        var queries = TestTensors.Uniform([m, d], -1f, 1f, seed: 62, requiresGrad: false);
        var references = TestTensors.Uniform([n, d], -1f, 1f, seed: 63, requiresGrad: false);
        float[] q = queries.ToArray(), s = references.ToArray();

        var found = NearestNeighbours.Find(queries, references);

        Assert.Equal(m, found.Length);
        for (int i = 0; i < m; i++)
        {
            var distances = Enumerable.Range(0, n).Select(j => Math.Sqrt(Enumerable.Range(0, d).Sum(k =>
            {
                double diff = (double)q[i * d + k] - s[j * d + k];
                return diff * diff;
            }))).ToArray();
            double best = distances.Min();
            // A near tie may go either way under float32 rounding; the distance found must still be the minimum.
            Assert.True(found[i].Index == Array.IndexOf(distances, best) || Math.Abs(distances[found[i].Index] - best) <= 1e-5,
                $"query {i}: found {found[i].Index} at {distances[found[i].Index]:R}, nearest is {Array.IndexOf(distances, best)} at {best:R}");
            Assert.True(Math.Abs(found[i].Distance - best) <= 1e-3, $"query {i}: distance {found[i].Distance:R}, exact {best:R}");
        }
    }

    [Fact]
    public void Find_TiedReferences_ReturnsLowerIndex()
    {
        // Small integers: every product and sum is exact, so the tie between rows 1 and 2 is exact too.
        var references = Tensor.FromArray([0f, 0f, 1f, 2f, 1f, 2f, 5f, 5f], 4, 2);
        var queries = Tensor.FromArray([1f, 2f, 4f, 4f], 2, 2);

        var found = NearestNeighbours.Find(queries, references);

        Assert.Equal(new Neighbour(1, 0), found[0]);
        Assert.Equal(new Neighbour(3, Math.Sqrt(2)), found[1]);
    }

    [Fact]
    public void Find_DimensionMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => NearestNeighbours.Find(Tensor.Zeros(3, 4), Tensor.Zeros(5, 3)));
        Assert.Contains("[3, 4]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[5, 3]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NoReferences_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => NearestNeighbours.Find(Tensor.Zeros(3, 4), Tensor.Zeros(0, 4)));
        Assert.Contains("at least one reference", ex.Message, StringComparison.Ordinal);
    }
}
