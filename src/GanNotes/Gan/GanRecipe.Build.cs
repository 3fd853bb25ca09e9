using GanNotes.Data;
using GanNotes.Nn;
using GanNotes.Optim;

namespace GanNotes.Gan;

// Building a run's parts from the recipe: p_data, the networks, the optimizers, the trainer.
public sealed partial record GanRecipe
{
    /// <summary>The toy p_data of <see cref="Dataset"/> (N(4, 1.25^2) or the 8-Gaussian ring), or null for an image dataset.</summary>
    public IToyDistribution? CreateToyDistribution() => Dataset switch
    {
        GanDataset.Gaussian1D => new Gaussian1D(4.0, 1.25),
        GanDataset.Ring2D => new GaussianRing2D(),
        _ => null,
    };

    /// <summary>
    /// p_data as minibatches: the (first <see cref="Limit"/>) training images, reshuffled every
    /// epoch, or fresh draws from the toy distribution. Never downloads.
    /// </summary>
    /// <param name="dataDirectory">The data folder (null: <see cref="DataDirectory.Locate"/>).</param>
    /// <exception cref="InvalidRecipeException">The recipe is invalid, or <see cref="Limit"/> exceeds the dataset.</exception>
    /// <exception cref="FileNotFoundException">The dataset is missing; the message says how to get it (MNIST: <c>gan-notes data fetch mnist</c>).</exception>
    /// <exception cref="IdxFormatException">A dataset file is malformed.</exception>
    public IRealSampler CreateSampler(string? dataDirectory = null)
    {
        Validate();
        ulong seed = DeriveSeed(Seed, SeedStream.Data);
        if (CreateToyDistribution() is { } toy)
        {
            return new ToySampler(toy, seed, Limit ?? DefaultToyEpochSize);
        }
        var images = Dataset == GanDataset.Mnist ? Mnist.Load(dataDirectory) : FashionMnist.Load(dataDirectory);
        if (Limit is int limit)
        {
            if (limit > images.Count)
            {
                throw new InvalidRecipeException(new RecipeProblem("limit", Text(limit), $"{images.Name} has only {images.Count} images"));
            }
            images = images.Take(limit);
        }
        return new DatasetSampler(images, seed);
    }

    /// <summary>G and D as the notes build them (<see cref="MlpGan"/>), their optimizers, and Algorithm 1's trainer over <paramref name="data"/>.</summary>
    /// <remarks>SGD starts with the momentum of epoch 0 (<see cref="MomentumAt"/>); <see cref="TrainingRun"/> moves it along the ramp.</remarks>
    /// <exception cref="InvalidRecipeException">The recipe is invalid.</exception>
    /// <exception cref="ArgumentException">The data's dimension is not <see cref="DataDimension"/>.</exception>
    public GanTrainer CreateTrainer(IRealSampler data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate();
        if (data.Dimension != DataDimension)
        {
            throw new ArgumentException($"The data has {data.Dimension} values per example; a {RecipeNames.Of(Dataset)} recipe expects {DataDimension}.", nameof(data));
        }
        var g = MlpGan.BuildGenerator(ZDim, Hidden, DataDimension, GeneratorOutput, new Tensors.Rng(DeriveSeed(Seed, SeedStream.Generator)));
        var d = MlpGan.BuildDiscriminator(DataDimension, Hidden, new Tensors.Rng(DeriveSeed(Seed, SeedStream.Discriminator)));
        return new GanTrainer(g, d, CreateOptimizer(g), CreateOptimizer(d), data, TrainerOptions(DeriveSeed(Seed, SeedStream.Noise)));
    }

    /// <summary>The recipe's knobs of Algorithm 1 as the trainer takes them, with the noise seeded by <paramref name="noiseSeed"/>.</summary>
    private GanTrainerOptions TrainerOptions(ulong noiseSeed) => new()
    {
        K = K,
        BatchSize = BatchSize,
        Loss = Loss,
        Noise = Noise,
        ZDim = ZDim,
        Seed = noiseSeed,
        FixedNoiseCount = FixedNoiseCount,
    };

    private Optimizer CreateOptimizer(Module module) => Optimizer switch
    {
        OptimizerKind.Adam => new Adam(module.Parameters(), Lr, Beta1, Beta2),
        OptimizerKind.Sgd => new Sgd(module.Parameters(), Lr, MomentumAt(0)),
        _ => throw new InvalidOperationException($"Unknown optimizer: {Optimizer}."),
    };

    private enum SeedStream : ulong
    {
        Generator = 1,
        Discriminator = 2,
        Data = 3,
        Noise = 4,
    }

    /// <summary>An independent seed per stream: SplitMix64's output function on seed + stream * golden ratio.</summary>
    private static ulong DeriveSeed(ulong seed, SeedStream stream)
    {
        unchecked
        {
            ulong z = seed + (ulong)stream * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
