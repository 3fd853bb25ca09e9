namespace GanNotes.Gan;

/// <summary>The knobs of Algorithm 1 (Goodfellow et al. 2014) that are not the networks or optimizers.</summary>
public sealed record GanTrainerOptions
{
    /// <summary>k: discriminator steps per generator step (the paper used 1).</summary>
    public int K { get; init; } = 1;

    /// <summary>m: the minibatch size for both players (128 in the notes).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>The generator objective.</summary>
    public GeneratorLoss Loss { get; init; } = GeneratorLoss.NonSaturating;

    /// <summary>p_z.</summary>
    public NoiseKind Noise { get; init; } = NoiseKind.Normal;

    /// <summary>The dimension of z.</summary>
    public int ZDim { get; init; } = MlpGan.DefaultZDim;

    /// <summary>Seeds the noise draws and the fixed noise batch.</summary>
    public ulong Seed { get; init; }

    /// <summary>How many fixed noise vectors are kept for sample grids (the same z at every epoch).</summary>
    public int FixedNoiseCount { get; init; } = 64;

    /// <summary>Throws naming the first invalid value.</summary>
    public void Validate()
    {
        if (K < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(K), K, $"Invalid k: {K}; at least one discriminator step per generator step.");
        }
        if (BatchSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"Invalid batch size: {BatchSize}; BatchNorm needs at least 2.");
        }
        if (ZDim < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ZDim), ZDim, $"Invalid noise dimension: {ZDim}.");
        }
        if (FixedNoiseCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FixedNoiseCount), FixedNoiseCount, $"Invalid fixed noise count: {FixedNoiseCount}.");
        }
    }
}
