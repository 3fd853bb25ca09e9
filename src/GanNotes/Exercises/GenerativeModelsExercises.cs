using System.Globalization;
using GanNotes.Gan;

namespace GanNotes.Exercises;

/// <summary>
/// The checked exercise of notebook 01 (generative models): the inverse CDF of an exponential
/// distribution, the generator of the inverse-CDF method. The check calls the student's function
/// at points of its own, so no answer is written in the notebook.
/// </summary>
/// <example><code>
/// Console.WriteLine(GenerativeModelsExercises.ExponentialQuantile(ExponentialQuantile));   // ✓, ✗ with a hint, or ○ not yet
/// </code></example>
public static class GenerativeModelsExercises
{
    private const string Task = "F^-1 for the exponential distribution of rate 1";

    private static readonly double[] Points = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];

    /// <summary>
    /// Exercise 1: <paramref name="answer"/> is F^-1 for F(x) = 1 - e^(-x), that is
    /// F^-1(u) = -ln(1 - u), checked at seven points of (0, 1) by F(answer(u)) = u.
    /// </summary>
    /// <param name="answer">The student's function (throws <see cref="NotImplementedException"/> while unanswered).</param>
    public static CheckResult ExponentialQuantile(Func<double, double> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var values = new double[Points.Length];
        for (int i = 0; i < Points.Length; i++)
        {
            double u = Points[i];
            values[i] = ExerciseCheck.Run(Task, () => answer(u), out var verdict);
            if (verdict is not null)
            {
                return verdict;
            }
        }
        if (Matches(values, u => -Math.Log(1 - u)))
        {
            return new CheckResult(true, $"{Task}: F(F^-1(u)) = u at {Points.Length} points of (0, 1): right.");
        }
        string hint =
            Matches(values, u => -Math.Log(u)) ? "That is -ln(u). It does turn uniform draws into exponential ones, since 1 - u is uniform too, but it is F^-1(1 - u), not F^-1(u): solve u = 1 - e^(-x) for x."
            : Matches(values, u => Math.Log(1 - u)) ? "Mind the sign: ln(1 - u) is negative, and an exponential variable is positive."
            : Matches(values, u => 1 - Math.Exp(-u)) ? "That is F itself; the generator is its inverse: solve u = 1 - e^(-x) for x."
            : Matches(values, u => Math.Exp(-u)) ? "That is the density e^(-x); the generator is the inverse of the CDF F(x) = 1 - e^(-x)."
            : "Solve u = 1 - e^(-x) for x: take the logarithm of e^(-x) = 1 - u.";
        int first = Enumerable.Range(0, Points.Length).First(i => !Close(values[i], -Math.Log(1 - Points[i])));
        return new CheckResult(false, string.Create(CultureInfo.InvariantCulture,
            $"{Task}: not right (at u = {Points[first]} it returned {values[first]:G6}). {hint}"));
    }

    private static bool Matches(double[] values, Func<double, double> reference) =>
        values.Select((v, i) => Close(v, reference(Points[i]))).All(ok => ok);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(b));
}
