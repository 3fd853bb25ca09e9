using GanNotes.Gan;
using GanNotes.Theory;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercises of notebook 03 (the optimal discriminator): D* at a point, where D* = 0.9,
/// the largest C(G), and V(G, D*) against C(G). The right answers and the usual wrong ones live
/// here, not in the notebook, so the cell a student edits gives nothing away.
/// </summary>
/// <example><code>
/// Console.WriteLine(OptimalDiscriminatorExercises.DStarAt(dStarHere));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class OptimalDiscriminatorExercises
{
    /// <summary>Exercise 1: D*(x) where p_data(x) = 0.3 and p_g(x) = 0.1, 0.3 / (0.3 + 0.1) = 0.75 (Goodfellow et al. 2014, Prop. 1, Eq. 2).</summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult DStarAt(double answer) =>
        ExerciseCheck.Number("D* at p_data = 0.3, p_g = 0.1", answer, 0.75,
            (0.25, "That is p_g / (p_data + p_g), the probability of 'generated': D* is the probability of 'real'."),
            (3, "That is the ratio p_data / p_g; D* divides by the sum p_data + p_g, so it stays in (0, 1)."),
            (0.5, "D* is 1/2 only where the two densities are equal."));

    /// <summary>Exercise 2: the ratio p_data(x) / p_g(x) where D*(x) = 0.9; p_data / (p_data + p_g) = 0.9 gives p_data = 9 p_g.</summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult RatioWhereDStarIsNineTenths(double answer) =>
        ExerciseCheck.Number("p_data / p_g where D* = 0.9", answer, 9,
            (1.0 / 9, "That is p_g / p_data; the question asks for p_data / p_g, which is large where D* is near 1."),
            (0.9, "That is D* itself. Write D* = p_data / (p_data + p_g) = 0.9 and solve for p_data / p_g."),
            (10, "Close: p_data = 0.9 (p_data + p_g) gives 0.1 p_data = 0.9 p_g, so the ratio is 0.9 / 0.1."));

    /// <summary>Exercise 3: the largest C(G) = -log 4 + 2 JSD with JSD at most log 2, which is 0 (Goodfellow et al. 2014, Eq. 6).</summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    public static CheckResult LargestCriterion(double answer) =>
        ExerciseCheck.Number("the largest C(G)", answer, 0,
            (Math.Log(2), "That is the largest JSD; put it into C(G) = -log 4 + 2 JSD."),
            (-Math.Log(4), "That is the smallest C(G), reached at p_g = p_data."),
            (-Math.Log(4) + Math.Log(2), "JSD enters C(G) twice: C(G) = -log 4 + 2 JSD."));

    /// <summary>
    /// Exercise 4: V(G, D*) integrated for <paramref name="pData"/> and <paramref name="pG"/>, which must
    /// equal C(G) (<see cref="TrainingCriterion.Evaluate"/> on the same grid), since C(G) is defined as
    /// V(G, D*_G) (Goodfellow et al. 2014, Eq. 4).
    /// </summary>
    /// <param name="answer">The student's number (NaN while unanswered).</param>
    /// <param name="pData">p_data of the exercise.</param>
    /// <param name="pG">p_g of the exercise.</param>
    /// <param name="grid">The quadrature grid of the exercise.</param>
    public static CheckResult ValueAtOptimum(double answer, IDensity1D pData, IDensity1D pG, QuadratureGrid grid)
    {
        ArgumentNullException.ThrowIfNull(pData);
        ArgumentNullException.ThrowIfNull(pG);
        ArgumentNullException.ThrowIfNull(grid);
        double criterion = TrainingCriterion.Evaluate(pData, pG, grid).Value;
        double jsd = Divergence.JensenShannon(pData, pG, grid).Value;
        return ExerciseCheck.Number("V(G, D*) for this p_data and p_g", answer, criterion, 1e-4,
            (TrainingCriterion.Minimum, "That is -log 4, C(G) at p_g = p_data; this p_g is not p_data. Integrate V with D = dStar.Evaluate."),
            (jsd, "That is the JSD alone; V(G, D*) = -log 4 + 2 JSD. Integrate V with D = dStar.Evaluate."),
            (2 * jsd, "That is 2 JSD; V(G, D*) = -log 4 + 2 JSD. Integrate V with D = dStar.Evaluate."));
    }
}
