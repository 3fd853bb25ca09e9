using GanNotes.Gan;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 02 (the value function): the right answers and the usual
/// wrong ones live here, not in the notebook, so the cell a student edits gives nothing away.
/// </summary>
/// <example><code>
/// Console.WriteLine(ValueFunctionExercises.ValueAtHalf(vAtHalf));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class ValueFunctionExercises
{
    /// <summary>Exercise 1: V(D, G) when D(x) = 1/2 everywhere, log(1/2) + log(1/2) = -log 4 (Goodfellow et al. 2014, Eq. 1).</summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult ValueAtHalf(double answer) =>
        ExerciseCheck.Number("V(D, G) when D = 1/2 everywhere", answer, -Math.Log(4),
            (Math.Log(4), "V is a sum of logarithms of probabilities, so it is never positive."),
            (-Math.Log(2), "Both terms of Eq. 1 contribute log(1/2)."),
            (-1, "log(1/2) is not -1/2: take the natural logarithm."));

    /// <summary>Exercise 2: the m that divides the Monte Carlo standard error at m = 1000 by ten; the error falls like 1/sqrt(m).</summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult SamplesForATenth(double answer) =>
        ExerciseCheck.Number("m for a tenth of the standard error", answer, 100_000, 0.05,
            (10_000, "The error falls like 1/sqrt(m), not 1/m: ten times the samples gives only about a third of the error."),
            (31_623, "That is sqrt(10) times 10,000; to divide the error by 10 multiply m by 10^2."));

    /// <summary>Exercise 3: the non-saturating over the saturating gradient for one sample at D(G(z)) = 0.01, (1 - D)/D by Eq. 5.</summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult GradientRatio(double answer) =>
        ExerciseCheck.Number("the gradient ratio at D = 0.01", answer, 99,
            (100, "Close: the non-saturating gradient is -(1 - D), not -1, so the ratio is (1 - D)/D."),
            (0.01 / 0.99, "That is the inverse: the non-saturating gradient is the larger one."));
}
