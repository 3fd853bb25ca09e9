using GanNotes.Data;
using GanNotes.Gan;

namespace GanNotes.Evaluation;

/// <summary>
/// Scores the checkpoints of a training run (what <c>gan-notes evaluate</c> does): draws samples
/// from G and scores them for the run's data. Fashion-MNIST runs get <see cref="ImageScorer"/>'s
/// scores, ring-of-Gaussians runs <see cref="RingCoverage"/>.
/// </summary>
public sealed class RunEvaluator
{
    /// <summary>Samples scored per checkpoint, as FID is usually computed (on 10,000).</summary>
    public const int DefaultCount = 10_000;

    /// <summary>The seed of z: every checkpoint is scored on the same noise.</summary>
    public const ulong DefaultSeed = 0xE7A1;

    private readonly ImageScorer? images;
    private readonly GaussianRing2D? ring;

    private RunEvaluator(ImageScorer? images, GaussianRing2D? ring)
    {
        this.images = images;
        this.ring = ring;
    }

    /// <summary>Why runs on <paramref name="dataset"/> cannot be scored, or null when they can.</summary>
    public static string? Unsupported(GanDataset dataset) => dataset switch
    {
        GanDataset.FashionMnist or GanDataset.Ring2D => null,
        GanDataset.Mnist => "runs on mnist cannot be scored yet: the shipped classifier knows Fashion-MNIST only",
        _ => $"runs on {RecipeNames.Of(dataset)} have no scores: evaluate scores fashion-mnist and ring-2d runs (for 1-D runs, the density figures of gan-notes plots say more)",
    };

    /// <summary>The evaluator for runs of <paramref name="recipe"/>, loading what its data needs from <paramref name="dataDir"/>.</summary>
    /// <exception cref="NotSupportedException">The recipe's data has no scores (<see cref="Unsupported"/>).</exception>
    /// <exception cref="FileNotFoundException">The dataset or the classifier's weights are missing.</exception>
    public static RunEvaluator For(GanRecipe recipe, string? dataDir = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (Unsupported(recipe.Dataset) is { } why)
        {
            throw new NotSupportedException(why);
        }
        return recipe.Dataset == GanDataset.Ring2D
            ? new RunEvaluator(null, (GaussianRing2D)RunBuilder.ToyDistribution(recipe)!)
            : new RunEvaluator(ImageScorer.LoadShipped(dataDir), null);
    }

    /// <summary>Scores <paramref name="count"/> samples of <paramref name="trainer"/>'s G, z seeded by <paramref name="seed"/>.</summary>
    public EvaluationScores Evaluate(GanTrainer trainer, int count = DefaultCount, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var samples = GeneratorSamples.Draw(trainer, count, seed);
        if (ring is not null)
        {
            var coverage = RingCoverage.Measure(ring, samples);
            return new EvaluationScores(trainer.Epoch, trainer.Step, count, ModesHit: coverage.ModesHit, HighQualityShare: coverage.HighQualityShare);
        }
        return images!.Score(samples, trainer.Epoch, trainer.Step);
    }
}
