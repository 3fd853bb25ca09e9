namespace GanNotes.Gan;

/// <summary>The verdict of a course check (<see cref="StepCheck"/>, <see cref="ExerciseCheck"/>): passed or not, and why, in one or two plain sentences.</summary>
/// <param name="Passed">True when the answer agrees with the reference.</param>
/// <param name="Message">What was compared and, on failure, what is wrong and how to fix it.</param>
public sealed record CheckResult(bool Passed, string Message)
{
    /// <summary>"✓ message" or "✗ message", as a notebook's check cell prints it.</summary>
    public override string ToString() => (Passed ? "\u2713 " : "\u2717 ") + Message;
}
