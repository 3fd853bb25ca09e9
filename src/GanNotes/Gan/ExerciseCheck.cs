using System.Globalization;

namespace GanNotes.Gan;

/// <summary>
/// Checks a number a student computed in an exercise against the right one, and recognises the
/// usual wrong answers: "✓ ..." or "✗ ..." with a hint, as a graded notebook cell says it.
/// </summary>
/// <example><code>
/// Console.WriteLine(ExerciseCheck.Number("V when D = 1/2", myAnswer, -Math.Log(4),
///     (Math.Log(4), "V is a sum of logarithms of probabilities, so it is never positive.")));
/// </code></example>
public static class ExerciseCheck
{
    /// <summary>
    /// Compares <paramref name="answer"/> with <paramref name="expected"/> to
    /// a relative tolerance of 1e-3 (absolute below 1); when wrong, the hint of the first known
    /// mistake it matches, else the general advice.
    /// </summary>
    /// <param name="what">What was computed, e.g. "V when D = 1/2".</param>
    /// <param name="answer">The student's number.</param>
    /// <param name="expected">The right number.</param>
    /// <param name="mistakes">Known wrong answers, each with what it reveals.</param>
    public static CheckResult Number(string what, double answer, double expected, params (double Value, string Hint)[] mistakes) =>
        Number(what, answer, expected, 1e-3, mistakes);

    /// <summary>As the other overload, with a tolerance of your choosing.</summary>
    /// <param name="what">What was computed, e.g. "V when D = 1/2".</param>
    /// <param name="answer">The student's number.</param>
    /// <param name="expected">The right number.</param>
    /// <param name="mistakes">Known wrong answers, each with what it reveals.</param>
    /// <param name="tolerance">The relative tolerance (absolute for numbers below 1).</param>
    public static CheckResult Number(string what, double answer, double expected, double tolerance, params (double Value, string Hint)[] mistakes)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(mistakes);
        if (double.IsNaN(answer))
        {
            return CheckResult.NotYet(what);
        }
        if (Close(answer, expected, tolerance))
        {
            return new CheckResult(true, $"{what} = {G(answer)}: right.");
        }
        foreach (var (value, hint) in mistakes)
        {
            if (Close(answer, value, tolerance))
            {
                return new CheckResult(false, $"{what}: {G(answer)} is not right. {hint}");
            }
        }
        return new CheckResult(false, $"{what}: {G(answer)} is not right; check each step of your working.");
    }

    /// <summary>
    /// Runs a student's function for a check: its result, or the verdict to give instead when it
    /// still throws the placeholder's <see cref="NotImplementedException"/> (not yet) or fails.
    /// </summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="what">The exercise, e.g. "the minimax generator step".</param>
    /// <param name="answer">The student's function, called with the check's own inputs.</param>
    /// <param name="verdict">The verdict when the function did not return; null when it did.</param>
    public static T? Run<T>(string what, Func<T> answer, out CheckResult? verdict)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            verdict = null;
            return answer();
        }
        catch (NotImplementedException)
        {
            verdict = CheckResult.NotYet(what);
        }
        catch (Exception e)
        {
            verdict = new CheckResult(false, $"{what} threw {e.GetType().Name}: {e.Message}");
        }
        return default;
    }

    private static bool Close(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(b));

    private static string G(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
