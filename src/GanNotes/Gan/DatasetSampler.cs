using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// p_data as the empirical distribution of an image dataset: minibatches of a fresh
/// random order each epoch, without replacement, the last partial batch dropped.
/// </summary>
/// <remarks>
/// Epoch e's order is the permutation drawn by a generator seeded from (seed, e), so the
/// sampler's whole state is two numbers, (epoch, position), and a resumed run sees the
/// same minibatches as an uninterrupted one.
/// </remarks>
public sealed class DatasetSampler : IRealSampler
{
    private readonly ImageDataset dataset;
    private readonly ulong seed;
    private int[] order;
    private long epoch;
    private int position;

    /// <summary>Samples from <paramref name="dataset"/> in orders derived from <paramref name="seed"/>.</summary>
    public DatasetSampler(ImageDataset dataset, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count == 0)
        {
            throw new ArgumentException($"Dataset '{dataset.Name}' is empty.", nameof(dataset));
        }
        this.dataset = dataset;
        this.seed = seed;
        order = Order(0);
    }

    /// <inheritdoc/>
    public int Dimension => dataset.PixelsPerImage;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">m is larger than the dataset.</exception>
    public Tensor Next(int m)
    {
        if (m < 1 || m > dataset.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, $"Invalid batch size {m} for '{dataset.Name}' of {dataset.Count} images.");
        }
        if (position + m > order.Length)
        {
            epoch++;
            position = 0;
            order = Order(epoch);
        }
        var batch = dataset.GetImages(order.AsSpan(position, m));
        position += m;
        return batch;
    }

    /// <inheritdoc/>
    public int BatchesPerEpoch(int m) => dataset.Count / m;

    /// <inheritdoc/>
    public long[] GetState() => [epoch, position];

    /// <inheritdoc/>
    public void SetState(long[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != 2 || state[0] < 0 || state[1] < 0 || state[1] > dataset.Count)
        {
            throw new ArgumentException($"Invalid dataset sampler state [{string.Join(", ", state)}]: expected [epoch, position] with position in [0, {dataset.Count}].", nameof(state));
        }
        (epoch, position) = (state[0], (int)state[1]);
        order = Order(epoch);
    }

    private int[] Order(long e) => new Tensors.Rng(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(e + 1))).Permutation(dataset.Count);
}
