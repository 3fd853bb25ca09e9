using GanNotes.Tensors;

namespace GanNotes.Gan;

/// <summary>
/// A stand-in for p_data when a trainer is rebuilt only to draw from G (plots, sample export):
/// it knows the example size and the epoch length, keeps whatever state a checkpoint gives it,
/// and refuses to produce minibatches, so no dataset has to be loaded.
/// </summary>
internal sealed class SamplingOnlySampler(int dimension, int batchesPerEpoch) : IRealSampler
{
    private long[] state = [];

    public int Dimension { get; } = dimension;

    public Tensor Next(int m) =>
        throw new InvalidOperationException("This trainer was loaded from a run folder for sampling only; it has no training data.");

    public int BatchesPerEpoch(int m) => batchesPerEpoch;

    public long[] GetState() => (long[])state.Clone();

    public void SetState(long[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        this.state = (long[])state.Clone();
    }
}
