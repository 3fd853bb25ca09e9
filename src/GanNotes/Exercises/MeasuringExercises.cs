using GanNotes.Gan;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 08 (how to measure a GAN): the right answers and the usual
/// wrong ones live here, not in the notebook, so the cell a student edits gives nothing away.
/// </summary>
/// <example><code>
/// Console.WriteLine(MeasuringExercises.FrechetDistance1D(fd1d));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class MeasuringExercises
{
    /// <summary>
    /// Exercise 1: the Fréchet distance between N(0, 1) and N(1, 2^2). In one dimension
    /// d^2 = (mu_1 - mu_2)^2 + s_1^2 + s_2^2 - 2 s_1 s_2 (Heusel et al. 2017, with the trace of
    /// (Sigma_1 Sigma_2)^(1/2) the square root of the product of the variances): 1 + 1 + 4 - 4 = 2.
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult FrechetDistance1D(double answer) =>
        ExerciseCheck.Number("Fréchet distance of N(0, 1) and N(1, 2²)", answer, 2,
            (6, "You left out the -2 (Σ₁ Σ₂)^½ part of the trace term."),
            (1, "The trace term is missing: the variances differ, so it is not 0."),
            (4 - 2 * Math.Sqrt(2), "N(1, 2²) has standard deviation 2: its variance is 2², not 2."),
            (Math.Sqrt(2), "The Fréchet distance of the notebook is d², the squared distance: do not take the square root."));

    /// <summary>
    /// Exercise 2: the constant -(d/2) log(2 pi sigma^2) of the Parzen window's log-likelihood for
    /// d = 784 and sigma = 0.2 (Goodfellow et al. 2014, Section 5): -392 log(2 pi 0.04), about 541.4 nats.
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult ParzenConstant(double answer) =>
        ExerciseCheck.Number("-(d/2) log(2 π σ²) for d = 784, σ = 0.2", answer, -392 * Math.Log(2 * Math.PI * 0.04),
            (-392 * Math.Log(2 * Math.PI * 0.2), "Square σ: the Gaussian's variance is σ²."),
            (-784 * Math.Log(2 * Math.PI * 0.04), "The factor is d/2, not d."),
            (392 * Math.Log(2 * Math.PI * 0.04), "Mind the sign: log(2 π σ²) is negative here, so the constant is positive."),
            (-392 * Math.Log10(2 * Math.PI * 0.04), "Nats use the natural logarithm, not log base 10."));
}
