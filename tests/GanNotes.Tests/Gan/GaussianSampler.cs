using GanNotes.Gan;
using GanNotes.Tensors;

namespace GanNotes.Tests.Gan;

/// <summary>p_data = N(mean, std^2) in 1-D, with an epoch of a fixed nominal size, for trainer tests.</summary>
internal sealed class GaussianSampler(float mean, float std, ulong seed, int epochSize = 1024) : IRealSampler
{
    private readonly Rng rng = new(seed);
    private long drawn;

    public int Dimension => 1;

    public Tensor Next(int m)
    {
        var values = new float[m];
        rng.FillNormal(values, mean, std);
        drawn += m;
        return Tensor.FromArray(values, m, 1);
    }

    public int BatchesPerEpoch(int m) => epochSize / m;

    public long[] GetState() => [.. rng.GetState().Select(v => (long)v), drawn];

    public void SetState(long[] state)
    {
        rng.SetState([.. state.Take(6).Select(v => (ulong)v)]);
        drawn = state[6];
    }
}
