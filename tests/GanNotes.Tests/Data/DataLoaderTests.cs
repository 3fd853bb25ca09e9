using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Tests.Data;

/// <summary>Seeded shuffling and batching: determinism, coverage, sizes and resumption.</summary>
public sealed class DataLoaderTests
{
    /// <summary>N images of 1 x 2 pixels; image i holds (i, i + 0.5) / 100 and label i mod 3.</summary>
    private static ImageDataset Numbered(int n) => new(
        "numbered",
        [.. Enumerable.Range(0, n).SelectMany(i => new[] { i / 100f, (i + 0.5f) / 100f })],
        [.. Enumerable.Range(0, n).Select(i => (byte)(i % 3))],
        1, 2, ["a", "b", "c"]);

    private static int[][] EpochIndices(DataLoader loader) => [.. loader.Epoch().Select(b => b.Indices)];

    [Fact]
    public void Epoch_SameSeed_SameOrder()
    {
        var data = Numbered(50);

        var first = EpochIndices(new DataLoader(data, 8, rng: new Rng(7)));
        var second = EpochIndices(new DataLoader(data, 8, rng: new Rng(7)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Epoch_DifferentSeed_DifferentOrder()
    {
        var data = Numbered(50);

        var first = EpochIndices(new DataLoader(data, 50, rng: new Rng(7)));
        var second = EpochIndices(new DataLoader(data, 50, rng: new Rng(8)));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Epoch_Shuffled_EveryIndexExactlyOnceAndLastBatchSmaller()
    {
        var loader = new DataLoader(Numbered(10), 3, rng: new Rng(1));

        var batches = EpochIndices(loader);

        Assert.Equal(4, loader.BatchCount);
        Assert.Equal([3, 3, 3, 1], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b).Order());
    }

    [Fact]
    public void Epoch_SuccessiveEpochs_ReshuffleAndEachCoversAll()
    {
        var loader = new DataLoader(Numbered(100), 16, rng: new Rng(3));

        var epoch1 = EpochIndices(loader).SelectMany(b => b).ToArray();
        var epoch2 = EpochIndices(loader).SelectMany(b => b).ToArray();

        Assert.NotEqual(epoch1, epoch2);
        Assert.Equal(Enumerable.Range(0, 100), epoch1.Order());
        Assert.Equal(Enumerable.Range(0, 100), epoch2.Order());
    }

    [Fact]
    public void Epoch_SameSeed_SameSequenceOfEpochs()
    {
        var a = new DataLoader(Numbered(30), 4, rng: new Rng(11));
        var b = new DataLoader(Numbered(30), 4, rng: new Rng(11));

        for (int epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(EpochIndices(a), EpochIndices(b));
        }
    }

    [Fact]
    public void Epoch_DropLast_SkipsShortBatch()
    {
        var loader = new DataLoader(Numbered(10), 3, rng: new Rng(1), dropLast: true);

        var batches = EpochIndices(loader);

        Assert.Equal(3, loader.BatchCount);
        Assert.All(batches, b => Assert.Equal(3, b.Length));
        Assert.Equal(9, batches.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void Epoch_NoShuffle_DatasetOrderAndGeneratorUntouched()
    {
        var generator = new Rng(5);
        var before = generator.GetState();

        var batches = EpochIndices(new DataLoader(Numbered(7), 3, shuffle: false, rng: generator));

        Assert.Equal([[0, 1, 2], [3, 4, 5], [6]], batches);
        Assert.Equal(before, generator.GetState());
    }

    [Fact]
    public void Epoch_Shuffled_UsesGeneratorPermutation()
    {
        var expected = new Rng(9).Permutation(12);

        var order = EpochIndices(new DataLoader(Numbered(12), 5, rng: new Rng(9))).SelectMany(b => b);

        Assert.Equal(expected, order);
    }

    [Fact]
    public void Batch_ImagesAndLabels_MatchDatasetRows()
    {
        var data = Numbered(20);

        foreach (var batch in new DataLoader(data, 6, rng: new Rng(2)))
        {
            Assert.Equal([batch.Count, 2], batch.Images.Shape);
            var values = batch.Images.ToArray();
            for (int r = 0; r < batch.Count; r++)
            {
                int i = batch.Indices[r];
                Assert.Equal(i / 100f, values[2 * r]);
                Assert.Equal((i + 0.5f) / 100f, values[2 * r + 1]);
                Assert.Equal(i % 3, batch.Labels[r]);
            }
        }
    }

    [Fact]
    public void Epoch_StartBatch_ResumesWhereAnUninterruptedEpochWouldBe()
    {
        var generator = new Rng(4);
        var saved = generator.GetState();
        var full = EpochIndices(new DataLoader(Numbered(25), 4, rng: generator));

        var restored = new Rng(0);
        restored.SetState(saved);
        var resumed = new DataLoader(Numbered(25), 4, rng: restored).Epoch(startBatch: 3).Select(b => b.Indices).ToArray();

        Assert.Equal(full[3..], resumed);
        Assert.Equal(generator.GetState(), restored.GetState());
    }

    [Fact]
    public void Batches_Static_SameAsOneLoaderEpoch()
    {
        var data = Numbered(9);

        var viaStatic = DataLoader.Batches(data, 2, shuffle: true, new Rng(6)).Select(b => b.Indices).ToArray();

        Assert.Equal(EpochIndices(new DataLoader(data, 2, rng: new Rng(6))), viaStatic);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_NonPositiveBatchSize_NamesValue(int batchSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Numbered(3), batchSize));

        Assert.Contains($"Invalid batch size: {batchSize}; it must be positive.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Epoch_BatchLargerThanDataset_OneBatchOrNoneWithDropLast()
    {
        Assert.Single(EpochIndices(new DataLoader(Numbered(5), 8, rng: new Rng(1))));
        Assert.Empty(EpochIndices(new DataLoader(Numbered(5), 8, rng: new Rng(1), dropLast: true)));
    }

    [Fact]
    public void Epoch_FashionMnistBatches_ShapeMBy784()
    {
        var data = FashionMnist.Load(RepoData.Path, train: false).Take(300);

        var batches = DataLoader.Batches(data, 128, shuffle: true, new Rng(0), dropLast: true).ToArray();

        Assert.Equal(2, batches.Length);
        Assert.All(batches, b => Assert.Equal([128, 784], b.Images.Shape));
    }
}
