using GanNotes.Tensors;

namespace GanNotes.Data;

/// <summary>
/// Splits an <see cref="ImageDataset"/> into minibatches, reshuffled each epoch from a seeded
/// <see cref="Rng"/> (PyTorch's <c>torch.utils.data.DataLoader</c> with
/// <c>shuffle=True, generator=g</c>).
/// </summary>
/// <remarks>
/// Each enumeration is one epoch. With shuffling, the epoch's order is one permutation of
/// 0..N-1 drawn from the rng (Fisher-Yates, <see cref="Rng.Permutation"/>)
/// when the enumeration starts; batch b holds positions [b*m, min((b+1)*m, N)) of it. So
/// every index appears exactly once per epoch, the same seed gives the same orders, and
/// each later epoch gets a fresh order because the rng has moved on. Without
/// shuffling the order is 0..N-1 and the rng is not used. With <c>dropLast</c> a
/// final batch smaller than m is skipped (Algorithm 1 of Goodfellow et al. 2014 samples
/// minibatches of a fixed size m).
/// </remarks>
public sealed class DataLoader
{
    private readonly Rng rng;

    /// <summary>Creates a loader over <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The images to batch.</param>
    /// <param name="batchSize">m, examples per batch.</param>
    /// <param name="shuffle">Draw a new order each epoch (true) or keep 0..N-1.</param>
    /// <param name="rng">The source of the permutations (default <see cref="Rng.Default"/>).</param>
    /// <param name="dropLast">Skip a final batch smaller than m.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public DataLoader(ImageDataset dataset, int batchSize, bool shuffle = true, Rng? rng = null, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"Invalid batch size: {batchSize}; it must be positive.");
        }
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        this.rng = rng ?? Rng.Default;
    }

    /// <summary>The dataset batched.</summary>
    public ImageDataset Dataset { get; }

    /// <summary>m, examples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch draws a new order.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a final batch smaller than m is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Batches per epoch: floor(N / m) with <see cref="DropLast"/>, else ceil(N / m).</summary>
    public int BatchCount => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>The batches of one epoch (one enumeration of a DataLoader).</summary>
    public static IEnumerable<Batch> Batches(ImageDataset dataset, int batchSize, bool shuffle, Rng? rng, bool dropLast = false) =>
        new DataLoader(dataset, batchSize, shuffle, rng, dropLast).Epoch();

    /// <summary>
    /// The batches of the next epoch, starting at batch <paramref name="startBatch"/>.
    /// </summary>
    /// <remarks>
    /// The permutation is drawn lazily, when enumeration begins, and always in full, so
    /// resuming a run mid-epoch (restore the rng state saved at the epoch's start,
    /// pass the batch reached) continues with exactly the batches the uninterrupted run
    /// would have seen.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startBatch"/> is outside [0, <see cref="BatchCount"/>].</exception>
    public IEnumerable<Batch> Epoch(int startBatch = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startBatch);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startBatch, BatchCount);
        return Enumerate(startBatch);
    }

    /// <summary>Enumerates one epoch, so that <c>foreach (var batch in loader)</c> works.</summary>
    public IEnumerator<Batch> GetEnumerator() => Epoch().GetEnumerator();

    private IEnumerable<Batch> Enumerate(int startBatch)
    {
        int n = Dataset.Count;
        int[] order = Shuffle ? rng.Permutation(n) : Enumerable.Range(0, n).ToArray();
        for (int b = startBatch; b < BatchCount; b++)
        {
            int start = b * BatchSize;
            int[] indices = order[start..Math.Min(start + BatchSize, n)];
            var labels = Array.ConvertAll(indices, Dataset.GetLabel);
            yield return new Batch(Dataset.GetImages(indices), labels, indices);
        }
    }
}
