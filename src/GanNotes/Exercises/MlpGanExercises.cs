using System.Globalization;
using GanNotes.Gan;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 05 (the MLP GAN): the two training steps the student
/// writes, the paper's minimax generator step, and the number of steps of the seed004 recipe.
/// The right answers and the usual wrong ones live here, not in the notebook.
/// </summary>
/// <example><code>
/// Console.WriteLine(MlpGanExercises.DiscriminatorStep(DiscriminatorStep));   // ✓, ✗ with what is wrong, or ○ not yet
/// </code></example>
public static class MlpGanExercises
{
    /// <summary>The training images of Fashion-MNIST.</summary>
    public const int TrainingImages = 60_000;

    /// <summary>Exercise 1: D's step of Algorithm 1, checked against the reference on a fixed batch (<see cref="StepCheck.Discriminator"/>).</summary>
    /// <param name="step">The student's step (it throws <see cref="NotImplementedException"/> while unwritten).</param>
    public static CheckResult DiscriminatorStep(DiscriminatorStepFunction step) => StepCheck.Discriminator(step);

    /// <summary>Exercise 2: G's non-saturating step, descending BCE(D(G(z)), 1) = -log D(G(z)) (Goodfellow et al. 2014, Sec. 3).</summary>
    /// <param name="step">The student's step (it throws <see cref="NotImplementedException"/> while unwritten).</param>
    public static CheckResult GeneratorStep(GeneratorStepFunction step) => StepCheck.Generator(step, GeneratorLoss.NonSaturating);

    /// <summary>Exercise 3: G's step on the paper's minimax loss, descending log(1 - D(G(z))) = -BCE(D(G(z)), 0) (Eq. 1, Algorithm 1).</summary>
    /// <param name="step">The student's step (it throws <see cref="NotImplementedException"/> while unwritten).</param>
    public static CheckResult MinimaxGeneratorStep(GeneratorStepFunction step) => StepCheck.Generator(step, GeneratorLoss.Minimax);

    /// <summary>
    /// Exercise 4: the generator steps of the seed004 recipe, epochs × floor(60,000 / m) with k = 1
    /// and the last incomplete batch of each epoch dropped: 250 × 468 = 117,000.
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult Seed004Steps(double answer)
    {
        var recipe = GanRecipe.Seed004;
        int batches = TrainingImages / recipe.BatchSize;
        return ExerciseCheck.Number($"generator steps in seed004's {recipe.Epochs} epochs", answer, recipe.Epochs * batches, 1e-7, // a count of whole steps: exact
            (recipe.Epochs * TrainingImages / (double)recipe.BatchSize,
                string.Create(CultureInfo.InvariantCulture,
                    $"A step needs a whole batch of {recipe.BatchSize}: {TrainingImages:N0} images make {batches} of them, and the last {TrainingImages % recipe.BatchSize} images are dropped.")),
            (recipe.Epochs * (batches + 1), $"The loop drops the last incomplete batch, so an epoch has {batches} steps, not {batches + 1}."),
            (recipe.Epochs * (double)TrainingImages, $"A step uses a batch of {recipe.BatchSize} images, not one."));
    }

    /// <summary>
    /// The steps the training loop of notebook 05 calls: each of the student's steps that passes
    /// its check, else the library's reference step, so the loop runs before both are written.
    /// </summary>
    /// <param name="discriminatorStep">The student's D step.</param>
    /// <param name="generatorStep">The student's G step.</param>
    public static TrainingSteps StepsToTrainWith(DiscriminatorStepFunction discriminatorStep, GeneratorStepFunction generatorStep)
    {
        ArgumentNullException.ThrowIfNull(discriminatorStep);
        ArgumentNullException.ThrowIfNull(generatorStep);
        return new TrainingSteps(
            DiscriminatorStep(discriminatorStep).Passed ? discriminatorStep : null,
            GeneratorStep(generatorStep).Passed ? generatorStep : null);
    }
}
