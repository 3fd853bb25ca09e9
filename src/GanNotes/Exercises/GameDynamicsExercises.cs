using GanNotes.Gan;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 07 (games that go round: gradient play on min_x max_y xy):
/// the right answers and the usual wrong ones live here, not in the notebook, so the cell a
/// student edits gives nothing away. Each check takes the notebook's own learning rate and
/// number of steps, so it still holds when a student changes them.
/// </summary>
/// <example><code>
/// Console.WriteLine(GameDynamicsExercises.SimultaneousGrowth(growth, eta, cycleSteps));
/// </code></example>
public static class GameDynamicsExercises
{
    /// <summary>
    /// Exercise 1: the factor by which <paramref name="steps"/> simultaneous steps of learning rate
    /// eta multiply the distance r from (0, 0). One step adds (-eta y, eta x), perpendicular to
    /// (x, y) and eta r long, so r^2 becomes (1 + eta^2) r^2: the factor is (1 + eta^2)^(steps/2).
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    /// <param name="eta">The learning rate of the notebook's play.</param>
    /// <param name="steps">The number of steps of the notebook's play.</param>
    public static CheckResult SimultaneousGrowth(double answer, double eta, int steps)
    {
        double perStep = Math.Sqrt(1 + eta * eta);
        return ExerciseCheck.Number($"the growth of r in {steps} simultaneous steps", answer, Math.Pow(perStep, steps),
            (Math.Pow(1 + eta, steps), "The step is perpendicular to (x, y), so the squares add: r^2 becomes (1 + eta^2) r^2, not (1 + eta)^2 r^2."),
            (Math.Pow(1 + eta * eta, steps), "That is the growth of r^2; r grows by its square root."),
            (perStep, "That is the factor of one step; the play takes many."),
            (1.0, "A distance that stays the same is the exact flow, a circle; a step of length eta r along the tangent leaves the circle."));
    }

    /// <summary>
    /// Exercise 2: the largest distance from (0, 0) that alternating play reaches from (1, 0). The
    /// play keeps Q = x^2 + y^2 - eta x y fixed, here Q = 1; on the ellipse Q = 1 the distance is
    /// largest on the diagonal y = x, where (2 - eta) x^2 = 1, so r = sqrt(1 / (1 - eta/2)).
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    /// <param name="eta">The learning rate of the notebook's play (below 2, where the play stays on its ellipse).</param>
    public static CheckResult AlternatingLargestDistance(double answer, double eta)
    {
        const double q = 1;   // x^2 + y^2 - eta x y at (1, 0)
        return ExerciseCheck.Number("the largest distance of alternating play from (1, 0)", answer, Math.Sqrt(q / (1 - eta / 2)),
            (Math.Sqrt(q / (1 + eta / 2)), "That is the smallest distance, on the diagonal y = -x; the largest lies on y = x."),
            (q / (1 - eta / 2), "That is the largest r^2; take its square root."),
            (q, "The play does not keep r fixed: it keeps x^2 + y^2 - eta x y, an ellipse, not a circle."),
            (Math.Sqrt((2 - eta) / (1 - eta / 2)), "That is the largest distance from (1, 1), which starts on the diagonal; from (1, 0) the fixed quantity is 1, not 2 - eta."));
    }
}
