namespace GanNotes.Gan;

/// <summary>
/// The verdict of a course check (<see cref="StepCheck"/>, <see cref="ExerciseCheck"/>): passed,
/// failed, or not yet attempted, and why, in one or two plain sentences.
/// </summary>
/// <param name="Passed">True when the answer agrees with the reference.</param>
/// <param name="Message">What was compared and, on failure, what is wrong and how to fix it.</param>
public sealed record CheckResult(bool Passed, string Message)
{
    /// <summary>
    /// False while the exercise still holds its placeholder (a NaN, or a function that throws
    /// <see cref="NotImplementedException"/>): the student has not answered yet, which is not a mistake.
    /// </summary>
    public bool Attempted { get; init; } = true;

    /// <summary>The verdict on an exercise whose placeholder is still there.</summary>
    /// <param name="what">The exercise, e.g. "V when D = 1/2".</param>
    public static CheckResult NotYet(string what) =>
        new(false, $"{what}: not yet answered; write your answer where the exercise cell says so.") { Attempted = false };

    /// <summary>"✓ message", "✗ message" or "○ message" (not yet), as a notebook's check cell prints it.</summary>
    public override string ToString() => (Passed ? "\u2713 " : Attempted ? "\u2717 " : "\u25CB ") + Message;
}
