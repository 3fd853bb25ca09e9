using System.Globalization;

namespace GanNotes.Gan;

// Validation: every setting is checked up front, the first bad one named with its value.
public sealed partial record GanRecipe
{
    /// <summary>The largest number of epochs accepted (a typo guard).</summary>
    public const int MaxEpochs = 100_000;

    /// <summary>Throws naming the first invalid setting and its value.</summary>
    /// <exception cref="InvalidRecipeException">A setting is invalid; its <see cref="InvalidRecipeException.Problem"/> names it.</exception>
    public void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw new InvalidRecipeException(problem);
        }
    }

    /// <summary>The first invalid setting, or null when the recipe can run.</summary>
    public RecipeProblem? FindProblem()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Name.Contains('/', StringComparison.Ordinal) || Name.Contains('\\', StringComparison.Ordinal))
        {
            return new("name", $"'{Name}'", "a recipe name must be a non-empty word usable in a folder name");
        }
        if (!Enum.IsDefined(Dataset))
        {
            return new("dataset", Text(Dataset), $"choose {RecipeNames.Choices<GanDataset>()}");
        }
        if (!Enum.IsDefined(Architecture))
        {
            return new("architecture", Text(Architecture), $"choose {RecipeNames.Choices<GanArchitecture>()}");
        }
        if (Architecture == GanArchitecture.Dcgan && IsToy)
        {
            return new("dataset", RecipeNames.Of(Dataset), "the DCGAN's convolutions are built for 28x28 images; choose fashion-mnist or mnist, or a recipe with the MLPs (fast, seed004) for toy data");
        }
        // The trainer's own knobs (loss, noise, m, k, z, fixed noise), with its checks.
        if (TrainerOptions(noiseSeed: 0).FindProblem() is { } trainerProblem)
        {
            return trainerProblem;
        }
        if (!Enum.IsDefined(Optimizer))
        {
            return new("optimizer", Text(Optimizer), $"choose {RecipeNames.Choices<OptimizerKind>()}");
        }
        if (Epochs is < 1 or > MaxEpochs)
        {
            return new("epochs", Text(Epochs), $"train for 1 to {MaxEpochs} epochs");
        }
        if (Limit is int limit && limit < BatchSize)
        {
            return new("limit", Text(limit), $"at least one minibatch of {BatchSize} is needed");
        }
        if (Hidden < 1)
        {
            return new("hidden", Text(Hidden), "h must be a positive width");
        }
        if (!(Lr > 0) || !float.IsFinite(Lr))
        {
            return new("lr", Text(Lr), "the learning rate must be positive and finite");
        }
        if (!(Beta1 >= 0 && Beta1 < 1))
        {
            return new("beta1", Text(Beta1), "Adam's beta1 must be in [0, 1)");
        }
        if (!(Beta2 >= 0 && Beta2 < 1))
        {
            return new("beta2", Text(Beta2), "Adam's beta2 must be in [0, 1)");
        }
        if (!(MomentumStart >= 0 && MomentumStart < 1))
        {
            return new("momentum_start", Text(MomentumStart), "momentum must be in [0, 1)");
        }
        if (!(MomentumEnd >= 0 && MomentumEnd < 1))
        {
            return new("momentum_end", Text(MomentumEnd), "momentum must be in [0, 1)");
        }
        if (MomentumRampEpochs < 0)
        {
            return new("momentum_ramp_epochs", Text(MomentumRampEpochs), "the ramp lasts 0 (no ramp) or more epochs");
        }
        if (MomentumRampEpochs > 0 && (MomentumStart == 0) != (MomentumEnd == 0))
        {
            return new("momentum_end", Text(MomentumEnd),
                $"a ramp from momentum {Text(MomentumStart)} cannot cross zero (SGD with and without momentum keep different state)");
        }
        if (SampleEvery < 1)
        {
            return new("sample_every", Text(SampleEvery), "sample every 1 or more epochs");
        }
        if (FixedNoiseCount is < 1 or > 1024)
        {
            return new("fixed_noise_count", Text(FixedNoiseCount), "show 1 to 1024 samples");
        }
        return null;
    }

    private static string Text<T>(T value)
        where T : notnull => value switch
        {
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
