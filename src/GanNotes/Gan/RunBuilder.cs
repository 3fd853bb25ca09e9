using System.Globalization;
using GanNotes.Data;
using GanNotes.Nn;
using GanNotes.Optim;

namespace GanNotes.Gan;

/// <summary>
/// Builds a run's parts from its <see cref="GanRecipe"/>: p_data, the networks, the optimizers
/// and the trainer. The recipe itself stays a description (what config.json holds); this is the
/// one place that turns it into objects of Data, Nn and Optim.
/// </summary>
public static class RunBuilder
{
    /// <summary>The toy p_data of the recipe's dataset (N(4, 1.25^2) or the 8-Gaussian ring), or null for an image dataset.</summary>
    public static IToyDistribution? ToyDistribution(GanRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.Dataset switch
        {
            GanDataset.Gaussian1D => new Gaussian1D(4.0, 1.25),
            GanDataset.Ring2D => new GaussianRing2D(),
            _ => null,
        };
    }

    /// <summary>
    /// p_data as minibatches: the (first <see cref="GanRecipe.Limit"/>) training images, reshuffled every
    /// epoch, or fresh draws from the toy distribution. Never downloads.
    /// </summary>
    /// <param name="recipe">The run's recipe.</param>
    /// <param name="dataDirectory">The data folder (null: <see cref="DataDirectory.Locate"/>).</param>
    /// <exception cref="InvalidRecipeException">The recipe is invalid, or <see cref="GanRecipe.Limit"/> exceeds the dataset.</exception>
    /// <exception cref="FileNotFoundException">The dataset is missing; the message says how to get it (MNIST: <c>gan-notes data fetch mnist</c>).</exception>
    /// <exception cref="IdxFormatException">A dataset file is malformed.</exception>
    public static IRealSampler Sampler(GanRecipe recipe, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        recipe.Validate();
        ulong seed = DeriveSeed(recipe.Seed, SeedStream.Data);
        if (ToyDistribution(recipe) is { } toy)
        {
            return new ToySampler(toy, seed, recipe.Limit ?? GanRecipe.DefaultToyEpochSize);
        }
        var images = recipe.Dataset == GanDataset.Mnist ? Mnist.Load(dataDirectory) : FashionMnist.Load(dataDirectory);
        if (recipe.Limit is int limit)
        {
            if (limit > images.Count)
            {
                throw new InvalidRecipeException(new RecipeProblem("limit", limit.ToString(CultureInfo.InvariantCulture), $"{images.Name} has only {images.Count} images"));
            }
            images = images.Take(limit);
        }
        return new DatasetSampler(images, seed);
    }

    /// <summary>G and D of the recipe's architecture (<see cref="MlpGan"/> or <see cref="Dcgan"/>), their optimizers, and Algorithm 1's trainer over <paramref name="data"/>.</summary>
    /// <remarks>SGD starts with the momentum of epoch 0 (<see cref="GanRecipe.MomentumAt"/>); <see cref="TrainingRun"/> moves it along the ramp.</remarks>
    /// <exception cref="InvalidRecipeException">The recipe is invalid.</exception>
    /// <exception cref="ArgumentException">The data's dimension is not <see cref="GanRecipe.DataDimension"/>.</exception>
    /// <param name="recipe">The run's recipe.</param>
    /// <param name="data">p_data's minibatches (on the CPU; the trainer moves each one to the networks' device).</param>
    /// <param name="device">Where G and D compute (null: <see cref="Tensors.Device.Default"/>). They are initialised on the CPU first, so a seed gives the same initial weights on every device.</param>
    public static GanTrainer Trainer(GanRecipe recipe, IRealSampler data, Tensors.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(data);
        recipe.Validate();
        if (data.Dimension != recipe.DataDimension)
        {
            throw new ArgumentException($"The data has {data.Dimension} values per example; a {RecipeNames.Of(recipe.Dataset)} recipe expects {recipe.DataDimension}.", nameof(data));
        }
        var gRng = new Tensors.Rng(DeriveSeed(recipe.Seed, SeedStream.Generator));
        var dRng = new Tensors.Rng(DeriveSeed(recipe.Seed, SeedStream.Discriminator));
        var (g, d) = recipe.Architecture == GanArchitecture.Dcgan
            ? (Dcgan.BuildGenerator(recipe.ZDim, recipe.Hidden, recipe.GeneratorOutput, gRng), Dcgan.BuildDiscriminator(recipe.Hidden, dRng))
            : (MlpGan.BuildGenerator(recipe.ZDim, recipe.Hidden, recipe.DataDimension, recipe.GeneratorOutput, gRng),
               MlpGan.BuildDiscriminator(recipe.DataDimension, recipe.Hidden, dRng));
        var target = device ?? Tensors.Device.Default;
        g.To(target);
        d.To(target);
        return new GanTrainer(g, d, Optimizer(recipe, g), Optimizer(recipe, d), data, recipe.TrainerOptions(DeriveSeed(recipe.Seed, SeedStream.Noise)));
    }


    private static Optimizer Optimizer(GanRecipe recipe, Module module) => recipe.Optimizer switch
    {
        OptimizerKind.Adam => new Adam(module.Parameters(), recipe.Lr, recipe.Beta1, recipe.Beta2),
        OptimizerKind.Sgd => new Sgd(module.Parameters(), recipe.Lr, recipe.MomentumAt(0)),
        _ => throw new InvalidOperationException($"Unknown optimizer: {recipe.Optimizer}."),
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
