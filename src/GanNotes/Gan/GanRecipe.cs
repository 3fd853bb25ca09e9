using System.Text.Json.Serialization;

namespace GanNotes.Gan;

/// <summary>
/// Everything that defines a GAN training run: p_data, the networks, Algorithm 1's k and m,
/// the losses, the optimizers, the seed and how often samples are drawn. A run folder's
/// config.json is this record (<see cref="ToJson"/>); <see cref="TrainingRun"/> builds the run from it.
/// </summary>
/// <remarks>
/// <para>
/// Start from a preset and change what you need, e.g.
/// <c>GanRecipe.Fast.ForDataset(GanDataset.Gaussian1D) with { Epochs = 5 }</c>:
/// <see cref="Seed004"/> is the lecture notes' final setting completed with the course's choices,
/// <see cref="Fast"/> DCGAN's Adam settings.
/// </para>
/// <para>
/// The same seed gives the same run, bit for bit: it seeds G's and D's initial weights, the
/// data order (or toy draws) and the noise z, each through its own derived stream.
/// </para>
/// </remarks>
public sealed partial record GanRecipe
{
    /// <summary>Samples per nominal epoch of a toy dataset when <see cref="Limit"/> is not set.</summary>
    public const int DefaultToyEpochSize = 10_000;

    /// <summary>
    /// The lecture notes' final setting (seed 004: 250 epochs, z of 64 dimensions, batches of 128,
    /// learning rate 0.00001) on Fashion-MNIST, completed with the course's choices, those of the
    /// public reproductions of this recipe: the MLP GAN at h 128, Adam with betas (0.9, 0.999) and
    /// the non-saturating loss. The notes name no optimizer; their Algorithm 1 slide keeps the
    /// paper's "We used momentum in our experiments".
    /// </summary>
    /// <remarks>Samples every 10 epochs (and at epochs 1 and 250): the notes show epochs 1, 20 and 250.</remarks>
    public static GanRecipe Seed004 { get; } = new()
    {
        Name = "seed004",
        Epochs = 250,
        Lr = 1e-5f,
        Beta1 = 0.9f,
        Beta2 = 0.999f,
        MomentumRampEpochs = 250,
        SampleEvery = 10,
    };

    /// <summary>
    /// The course's MLP GAN trained with the DCGAN paper's Adam setting (lr 2e-4, beta1 0.5;
    /// Radford et al. 2016, Sec. 4) for 10 epochs: recognisable samples of every class in about
    /// five minutes on two cores, where
    /// seed004's lr 1e-5 still shows blurs. The default of <c>gan-notes train</c>.
    /// </summary>
    public static GanRecipe Fast { get; } = new();

    /// <summary>
    /// The deep convolutional GAN (<see cref="Gan.Dcgan"/>, z 100, h 32) with DCGAN's Adam setting
    /// (lr 2e-4, beta1 0.5) and batch 128, for 5 epochs on Fashion-MNIST.
    /// </summary>
    public static GanRecipe Dcgan { get; } = new()
    {
        Name = "dcgan",
        Architecture = GanArchitecture.Dcgan,
        ZDim = Gan.Dcgan.DefaultZDim,
        Hidden = Gan.Dcgan.DefaultHidden,
        Epochs = 5,
    };

    /// <summary>The presets by name: <c>fast</c>, <c>seed004</c> and <c>dcgan</c>.</summary>
    public static IReadOnlyDictionary<string, GanRecipe> Presets { get; } = new Dictionary<string, GanRecipe>(StringComparer.Ordinal)
    {
        [Fast.Name] = Fast,
        [Seed004.Name] = Seed004,
        [Dcgan.Name] = Dcgan,
    };

    /// <summary>A short name for folders and messages: the preset it came from (<c>fast</c>, <c>seed004</c>).</summary>
    public string Name { get; init; } = "fast";

    /// <summary>G's and D's networks: the course's MLPs (the default) or the DCGAN.</summary>
    public GanArchitecture Architecture { get; init; } = GanArchitecture.Mlp;

    /// <summary>p_data.</summary>
    public GanDataset Dataset { get; init; } = GanDataset.FashionMnist;

    /// <summary>
    /// Image datasets: train on the first N training images only (null: all 60,000). Toy
    /// datasets: N samples make one nominal epoch (null: <see cref="DefaultToyEpochSize"/>).
    /// </summary>
    public int? Limit { get; init; }

    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 10;

    // Algorithm 1's knobs (m, k, the losses, p_z, z's dimension, the fixed noise) live in
    // GanTrainerOptions, with their defaults and checks; the recipe names them flat, as config.json does.
    private GanTrainerOptions algorithm = new();

    /// <inheritdoc cref="GanTrainerOptions.BatchSize"/>
    public int BatchSize { get => algorithm.BatchSize; init => algorithm = algorithm with { BatchSize = value }; }

    /// <inheritdoc cref="GanTrainerOptions.K"/>
    public int K { get => algorithm.K; init => algorithm = algorithm with { K = value }; }

    /// <inheritdoc cref="GanTrainerOptions.Loss"/>
    public GeneratorLoss Loss { get => algorithm.Loss; init => algorithm = algorithm with { Loss = value }; }

    /// <inheritdoc cref="GanTrainerOptions.Noise"/>
    public NoiseKind Noise { get => algorithm.Noise; init => algorithm = algorithm with { Noise = value }; }

    /// <inheritdoc cref="GanTrainerOptions.ZDim"/>
    public int ZDim { get => algorithm.ZDim; init => algorithm = algorithm with { ZDim = value }; }

    /// <summary>h: the MLP's G widths are h, 2h, 4h, 8h and D's 4h, 2h, h; the DCGAN's feature maps are 2h, h in G and h, 2h in D.</summary>
    public int Hidden { get; init; } = MlpGan.DefaultHidden;

    /// <summary>The optimizer of both players.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>The learning rate of both players.</summary>
    public float Lr { get; init; } = 2e-4f;

    /// <summary>Adam's beta1 (first-moment decay).</summary>
    public float Beta1 { get; init; } = 0.5f;

    /// <summary>Adam's beta2 (second-moment decay).</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>SGD's momentum in the first epoch (the GAN paper's code started at 0.5).</summary>
    public float MomentumStart { get; init; } = 0.5f;

    /// <summary>SGD's momentum once the ramp is over (the GAN paper's code ended at 0.7).</summary>
    public float MomentumEnd { get; init; } = 0.7f;

    /// <summary>Epochs over which SGD's momentum rises linearly from <see cref="MomentumStart"/> to <see cref="MomentumEnd"/>; 0 keeps it at <see cref="MomentumStart"/>.</summary>
    public int MomentumRampEpochs { get; init; } = 20;

    /// <summary>Seeds the whole run.</summary>
    public ulong Seed { get; init; }

    /// <summary>Draw a sample image every this many epochs (always also after the first and the last).</summary>
    public int SampleEvery { get; init; } = 1;

    /// <summary>
    /// Also keep <c>checkpoints/epoch_NNN.safetensors</c> at every sample epoch, so <c>gan-notes plots</c>
    /// can redraw every sample. Off for images (25 MB per checkpoint of the MLP GAN), on for toy data.
    /// </summary>
    public bool KeepSampleCheckpoints { get; init; }

    /// <inheritdoc cref="GanTrainerOptions.FixedNoiseCount"/>
    public int FixedNoiseCount { get => algorithm.FixedNoiseCount; init => algorithm = algorithm with { FixedNoiseCount = value }; }

    /// <summary>
    /// The gradient norm above which training warns of an exploding gradient (<see cref="GanAlarms"/>):
    /// 100 for the MLPs, whose norms sit near 1; 1000 for the DCGAN, whose discriminator's median is
    /// about 40 in a healthy run and peaks past 200, because batch norm after a convolution makes
    /// the gradient of its small N(0, 0.02) weights large (the output does not change with their scale).
    /// </summary>
    [JsonIgnore]
    public float MaxGradNorm => Architecture == GanArchitecture.Dcgan ? 1000f : 100f;

    /// <summary>True for the 1-D and 2-D toy distributions.</summary>
    [JsonIgnore]
    public bool IsToy => Dataset is GanDataset.Gaussian1D or GanDataset.Ring2D;

    /// <summary>The size of one example: 784 for 28 x 28 images, 1 or 2 for toy data.</summary>
    [JsonIgnore]
    public int DataDimension => Dataset switch
    {
        GanDataset.Gaussian1D => 1,
        GanDataset.Ring2D => 2,
        _ => 784,
    };

    /// <summary>G's output layer: Sigmoid for pixels in (0, 1), Identity for toy data on the whole real line.</summary>
    [JsonIgnore]
    public GeneratorOutput GeneratorOutput => IsToy ? GeneratorOutput.Identity : GeneratorOutput.Sigmoid;

    /// <summary>
    /// This recipe for <paramref name="dataset"/>: the optimizer settings stay; for toy data the
    /// networks shrink (h 16, z 8), samples are charted every 5 epochs at most, and the sample
    /// checkpoints are kept (they are small).
    /// </summary>
    public GanRecipe ForDataset(GanDataset dataset) => dataset is GanDataset.Gaussian1D or GanDataset.Ring2D
        ? this with { Dataset = dataset, Hidden = 16, ZDim = 8, SampleEvery = Math.Max(SampleEvery, 5), KeepSampleCheckpoints = true }
        : this with { Dataset = dataset };

    /// <summary>SGD's momentum during epoch <paramref name="epochIndex"/> (0-based): the linear ramp of the GAN paper's code.</summary>
    public float MomentumAt(int epochIndex)
    {
        if (MomentumRampEpochs <= 0)
        {
            return MomentumStart;
        }
        double t = Math.Clamp((double)epochIndex / MomentumRampEpochs, 0, 1);
        return (float)(MomentumStart + (MomentumEnd - MomentumStart) * t);
    }

    /// <summary>Whether a sample is drawn after epoch <paramref name="epoch"/> (1-based): the first, every <see cref="SampleEvery"/>-th, and the last.</summary>
    public bool IsSampleEpoch(int epoch) => epoch == 1 || epoch == Epochs || (SampleEvery > 0 && epoch % SampleEvery == 0);

    /// <summary>The recipe's knobs of Algorithm 1 as the trainer takes them, with the noise seeded by <paramref name="noiseSeed"/>.</summary>
    internal GanTrainerOptions TrainerOptions(ulong noiseSeed) => algorithm with { Seed = noiseSeed };
}
