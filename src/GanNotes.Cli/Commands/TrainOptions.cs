using System.CommandLine;
using GanNotes.Data;
using GanNotes.Gan;

namespace GanNotes.Cli.Commands;

/// <summary>The options of <c>gan-notes train</c>, and the recipe they describe: the preset, then every option given.</summary>
internal sealed class TrainOptions
{
    // Every default named in the help is read from the recipes, so the help cannot drift from them.
    private static readonly GanRecipe Toy = GanRecipe.Fast.ForDataset(GanDataset.Gaussian1D);

    public Option<string?> Recipe { get; } = OptionParsers.OneOf("--recipe",
        $"Start from a preset: fast (default; the course's MLP GAN with {Describe(GanRecipe.Fast)}, the DCGAN paper's setting), "
        + $"seed004 (the lecture notes' final setting, {NotesSetting(GanRecipe.Seed004)}; Adam with beta1 {GanRecipe.Seed004.Beta1.ToString(System.Globalization.CultureInfo.InvariantCulture)} is the course's choice, as are the MLP's widths) "
        + $"or dcgan (convolutional networks, z {GanRecipe.Dcgan.ZDim}, h {GanRecipe.Dcgan.Hidden}, {Describe(GanRecipe.Dcgan)}; images only).",
        [.. GanRecipe.Presets.Keys]);

    public Option<GanDataset?> Dataset { get; } = OptionParsers.Choice<GanDataset>("--dataset",
        $"p_data (default {RecipeNames.Of(GanRecipe.Fast.Dataset)}, shipped; mnist needs `gan-notes data fetch mnist`; the toys use small networks, h {Toy.Hidden} and z {Toy.ZDim}).");

    public Option<int?> Epochs { get; } = OptionParsers.Int("--epochs", "Passes over the data (with --resume: the new total).");

    public Option<int?> Limit { get; } = OptionParsers.Int("--limit", $"Train on the first N images only (toy data: N samples per epoch, default {GanRecipe.DefaultToyEpochSize}): quick checks.");

    public Option<int?> BatchSize { get; } = OptionParsers.Int("--batch-size", $"m, the minibatch size (default {GanRecipe.Fast.BatchSize}).", "M");

    public Option<OptimizerKind?> Optimizer { get; } = OptionParsers.Choice<OptimizerKind>("--optimizer",
        $"The optimizer of both players (default {RecipeNames.Of(GanRecipe.Fast.Optimizer)}). sgd is the paper's momentum SGD; give it a suitable --lr too (the recipes' rates are Adam's).");

    public Option<float?> Lr { get; } = OptionParsers.Float("--lr", "The learning rate of both players (with --resume: from now on, e.g. after a divergence).");

    public Option<float?> Beta1 { get; } = OptionParsers.Float("--beta1", "Adam's beta1.");

    public Option<float?> Beta2 { get; } = OptionParsers.Float("--beta2", "Adam's beta2.");

    public Option<float?> Momentum { get; } = OptionParsers.Float("--momentum",
        $"SGD's momentum; constant unless --momentum-end is given (default: {GanRecipe.Fast.MomentumStart} rising to {GanRecipe.Fast.MomentumEnd} over the run, as in the GAN paper's code).");

    public Option<float?> MomentumEnd { get; } = OptionParsers.Float("--momentum-end", "SGD's final momentum, reached linearly after --momentum-ramp-epochs.");

    public Option<int?> MomentumRampEpochs { get; } = OptionParsers.Int("--momentum-ramp-epochs", "Epochs over which SGD's momentum rises (0: constant).");

    public Option<int?> K { get; } = OptionParsers.Int("--k", $"Discriminator steps per generator step (Algorithm 1; default {GanRecipe.Fast.K}).", "K");

    public Option<GeneratorLoss?> Loss { get; } = OptionParsers.Choice<GeneratorLoss>("--loss",
        $"G's objective: the paper's minimax log(1 - D(G(z))) or the non-saturating -log D(G(z)) (default {RecipeNames.Of(GanRecipe.Fast.Loss)}).");

    public Option<NoiseKind?> Noise { get; } = OptionParsers.Choice<NoiseKind>("--noise", $"p_z: N(0, I) (normal) or U(-1, 1) (uniform); default {RecipeNames.Of(GanRecipe.Fast.Noise)}.");

    public Option<int?> ZDim { get; } = OptionParsers.Int("--z-dim", $"The dimension of z (default {GanRecipe.Fast.ZDim}; dcgan {GanRecipe.Dcgan.ZDim}; toys {Toy.ZDim}).");

    public Option<int?> Hidden { get; } = OptionParsers.Int("--hidden", $"h: the MLP's G widths are h, 2h, 4h, 8h, D's 4h, 2h, h (default {GanRecipe.Fast.Hidden}; toys {Toy.Hidden}); the DCGAN's feature maps are 2h, h in G and h, 2h in D (dcgan {GanRecipe.Dcgan.Hidden}).", "H");

    public Option<ulong?> Seed { get; } = OptionParsers.UInt64("--seed", $"Seeds weights, data order and noise: the same seed gives the same run (default {GanRecipe.Fast.Seed}).");

    public Option<int?> SampleEvery { get; } = OptionParsers.Int("--sample-every", "Write samples/epoch_NNN.png every N epochs (always after the first and the last).");

    public Option<bool> KeepCheckpoints { get; } = new("--keep-checkpoints")
    {
        Description = "Also keep checkpoints/epoch_NNN.safetensors at every sample epoch (about 25 MB each for images; always on for toy data), so `gan-notes evaluate --all` can score each.",
    };

    public Option<string?> Out { get; } = new("--out", "-o")
    {
        Description = "The run folder (default runs/<dataset>-<recipe>-<time>); must be new or empty, unless --resume.",
        HelpName = "DIR",
    };

    public Option<bool> Resume { get; } = new("--resume")
    {
        Description = "Continue the run in --out from its last checkpoint, bit for bit (only --epochs and --lr may change).",
    };

    public Option<string?> Data { get; } = OptionParsers.DataFolder();

    public Option<string?> Device { get; } = new("--device")
    {
        Description = $"Where to compute: cpu, cuda (GPU 0) or cuda:N (default: ${Tensors.Device.EnvironmentVariable}, else cuda when an NVIDIA GPU is present, else cpu). Any run may resume on either.",
        HelpName = "cpu|cuda|cuda:N",
    };

    public IEnumerable<Option> All =>
    [
        Recipe, Dataset, Epochs, Limit, BatchSize, Optimizer, Lr, Beta1, Beta2, Momentum, MomentumEnd, MomentumRampEpochs,
        K, Loss, Noise, ZDim, Hidden, Seed, SampleEvery, KeepCheckpoints, Out, Resume, Data, Device,
    ];

    /// <summary>The recipe options given that --resume cannot change (all but --epochs, --lr and where the run is kept and computed).</summary>
    public IReadOnlyList<string> RecipeOptionsGiven(ParseResult parse) =>
        [.. All.Except([Epochs, Lr, Out, Resume, Data, Device]).Where(option => parse.GetResult(option) is { Implicit: false }).Select(option => option.Name)];

    /// <summary>The device named by --device, else <see cref="Tensors.Device.Default"/>; null after writing why it is unavailable.</summary>
    public Tensors.Device? ChooseDevice(ParseResult parse, ConsoleLines lines)
    {
        string? name = parse.GetValue(Device);
        try
        {
            return name is null ? Tensors.Device.Default : Tensors.Device.Parse(name.Trim());
        }
        catch (ArgumentException e)
        {
            lines.Fail(name is null ? e.Message : $"--device {name}: {e.Message}");
            return null;
        }
    }

    /// <summary>The preset (fast by default) for the dataset, then every option given on top.</summary>
    public GanRecipe BuildRecipe(ParseResult parse)
    {
        var preset = GanRecipe.Presets[parse.GetValue(Recipe) ?? GanRecipe.Fast.Name];
        var r = preset.ForDataset(parse.GetValue(Dataset) ?? preset.Dataset);
        float? momentum = parse.GetValue(Momentum);
        float? momentumEnd = parse.GetValue(MomentumEnd);
        return r with
        {
            Epochs = parse.GetValue(Epochs) ?? r.Epochs,
            Limit = parse.GetValue(Limit) ?? r.Limit,
            BatchSize = parse.GetValue(BatchSize) ?? r.BatchSize,
            Optimizer = parse.GetValue(Optimizer) ?? r.Optimizer,
            Lr = parse.GetValue(Lr) ?? r.Lr,
            Beta1 = parse.GetValue(Beta1) ?? r.Beta1,
            Beta2 = parse.GetValue(Beta2) ?? r.Beta2,
            MomentumStart = momentum ?? r.MomentumStart,
            MomentumEnd = momentumEnd ?? momentum ?? r.MomentumEnd,
            // The ramp spans the run, as in the presets, unless it is given.
            MomentumRampEpochs = parse.GetValue(MomentumRampEpochs) ?? parse.GetValue(Epochs) ?? r.MomentumRampEpochs,
            K = parse.GetValue(K) ?? r.K,
            Loss = parse.GetValue(Loss) ?? r.Loss,
            Noise = parse.GetValue(Noise) ?? r.Noise,
            ZDim = parse.GetValue(ZDim) ?? r.ZDim,
            Hidden = parse.GetValue(Hidden) ?? r.Hidden,
            Seed = parse.GetValue(Seed) ?? r.Seed,
            SampleEvery = parse.GetValue(SampleEvery) ?? r.SampleEvery,
            KeepSampleCheckpoints = r.KeepSampleCheckpoints || parse.GetValue(KeepCheckpoints),
        };
    }

    /// <summary>A preset's optimizer settings and length, read from the recipe itself so help cannot go stale.</summary>
    private static string Describe(GanRecipe recipe) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Adam lr {recipe.Lr:0.##e-0}, beta1 {recipe.Beta1}, {recipe.Epochs} epochs");

    // What seed 004 itself gives: the epochs, z, the batch size and the learning rate, nothing more.
    private static string NotesSetting(GanRecipe recipe) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{recipe.Epochs} epochs, z {recipe.ZDim}, m {recipe.BatchSize}, lr {recipe.Lr:0.##e-0}");
}
