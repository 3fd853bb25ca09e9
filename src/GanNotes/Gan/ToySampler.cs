using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>p_data as a toy distribution (1-D Gaussian, mixture, 2-D ring): fresh draws every minibatch.</summary>
/// <remarks>An "epoch" has no natural size here; <paramref name="epochSize"/> examples make one, for progress and checkpoints.</remarks>
/// <param name="distribution">The distribution sampled.</param>
/// <param name="seed">Seeds the draws.</param>
/// <param name="epochSize">Examples per nominal epoch.</param>
public sealed class ToySampler(IToyDistribution distribution, ulong seed, int epochSize = 10_000) : IRealSampler
{
    private readonly IToyDistribution distribution = distribution ?? throw new ArgumentNullException(nameof(distribution));
    private readonly Tensors.Rng rng = new(seed);
    private readonly int epochSize = epochSize > 0 ? epochSize : throw new ArgumentOutOfRangeException(nameof(epochSize), epochSize, $"Invalid epoch size: {epochSize}.");

    /// <inheritdoc/>
    public int Dimension => distribution.Dimension;

    /// <inheritdoc/>
    public Tensor Next(int m) => distribution.Sample(m, rng);

    /// <inheritdoc/>
    public int BatchesPerEpoch(int m) => Math.Max(1, epochSize / m);

    /// <inheritdoc/>
    public long[] GetState() => [.. rng.GetState().Select(v => unchecked((long)v))];

    /// <inheritdoc/>
    public void SetState(long[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        rng.SetState([.. state.Select(v => unchecked((ulong)v))]);
    }
}
