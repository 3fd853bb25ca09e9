namespace GanNotes.Gan;

/// <summary>
/// The knobs of Algorithm 1 (Goodfellow et al. 2014) that are not the networks or optimizers.
/// A <see cref="GanRecipe"/> carries one of these (its defaults and checks are these), with the
/// run's seed in place of <see cref="Seed"/>.
/// </summary>
public sealed record GanTrainerOptions
{
    /// <summary>k: discriminator steps per generator step (Algorithm 1; the paper used 1).</summary>
    public int K { get; init; } = 1;

    /// <summary>m: the minibatch size of both players (128 in the notes).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>The generator objective: the course's default is the non-saturating one of the paper's Sec. 3 (the notes' Algorithm 1 shows the minimax one).</summary>
    public GeneratorLoss Loss { get; init; } = GeneratorLoss.NonSaturating;

    /// <summary>p_z: N(0, I) as in the notes, or U(-1, 1) as in the paper.</summary>
    public NoiseKind Noise { get; init; } = NoiseKind.Normal;

    /// <summary>The dimension of z.</summary>
    public int ZDim { get; init; } = MlpGan.DefaultZDim;

    /// <summary>Seeds the noise draws and the fixed noise batch.</summary>
    public ulong Seed { get; init; }

    /// <summary>How many fixed noise vectors are kept for sample grids (the same z at every epoch).</summary>
    public int FixedNoiseCount { get; init; } = 64;

    /// <summary>Throws naming the first invalid value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A knob is invalid; the message names it and its value.</exception>
    public void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw new ArgumentOutOfRangeException(problem.Setting, $"Invalid {problem.Setting}: {problem.Value}; {problem.Reason}.");
        }
    }

    /// <summary>
    /// The first invalid knob, named as in config.json, or null. <see cref="GanRecipe.FindProblem"/>
    /// asks the same questions of a recipe's knobs through this method.
    /// </summary>
    public RecipeProblem? FindProblem()
    {
        if (!Enum.IsDefined(Loss))
        {
            return new("loss", Loss.ToString(), $"choose {RecipeNames.Choices<GeneratorLoss>()}");
        }
        if (!Enum.IsDefined(Noise))
        {
            return new("noise", Noise.ToString(), $"choose {RecipeNames.Choices<NoiseKind>()}");
        }
        if (BatchSize < 2)
        {
            return new("batch_size", Text(BatchSize), "the minibatch needs at least 2 examples (BatchNorm normalises over it)");
        }
        if (K < 1)
        {
            return new("k", Text(K), "at least one discriminator step per generator step");
        }
        if (ZDim < 1)
        {
            return new("z_dim", Text(ZDim), "the noise needs at least one dimension");
        }
        if (FixedNoiseCount < 1)
        {
            return new("fixed_noise_count", Text(FixedNoiseCount), "keep at least one fixed noise vector");
        }
        return null;
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
