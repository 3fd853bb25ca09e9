using GanNotes.Gan;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 04 (the training loop): the discriminator's loss at the
/// game's solution, and the estimate of V that a D loss gives. The right answers and the usual
/// wrong ones live here, not in the notebook, so the cell a student edits gives nothing away.
/// </summary>
/// <example><code>
/// Console.WriteLine(TrainingLoopExercises.LossAtSolution(lossAtSolution));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class TrainingLoopExercises
{
    /// <summary>
    /// Exercise 1: D's loss, the mean of BCE(D(x), 1) and BCE(D(G(z)), 0), when D = 1/2 everywhere:
    /// -log(1/2) = log 2, that is -V/2 with V = -log 4.
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult LossAtSolution(double answer) =>
        ExerciseCheck.Number("D's loss at D = 1/2", answer, Math.Log(2),
            (Math.Log(4), "That is the sum of the two cross-entropies; the loss is their mean, -V/2."),
            (-Math.Log(2), "A cross-entropy is -log of a probability, so it is never negative."),
            (0.5, "BCE(1/2, 1) is -log(1/2), not 1/2."));

    /// <summary>Exercise 2: the estimate of V(D, G) from a minibatch's D loss <paramref name="lossD"/>, which is -V/2: V = -2 lossD.</summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    /// <param name="lossD">The D loss the notebook printed (its last training step's).</param>
    public static CheckResult ValueFromLoss(double answer, double lossD) =>
        ExerciseCheck.Number("the estimate of V", answer, -2 * lossD,
            (-lossD, "The loss is -V/2: multiply by -2, not -1."),
            (2 * lossD, "V is a sum of logs of probabilities, so it is never positive: mind the sign."),
            (-lossD / 2, "The loss is -V/2, so V = -2 x loss."));
}
