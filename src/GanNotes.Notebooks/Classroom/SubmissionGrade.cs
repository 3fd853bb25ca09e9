namespace GanNotes.Notebooks;

/// <summary>A graded submission: one row per check, and the run they were read from.</summary>
/// <param name="Exercises">The checks' grades, in the teacher's order.</param>
/// <param name="Run">The graded run (its executed notebook, cells and first error); null when the submission could not run.</param>
public sealed record SubmissionGrade(IReadOnlyList<ExerciseGrade> Exercises, NotebookRunResult? Run)
{
    /// <summary>The points given.</summary>
    public double Points => Exercises.Sum(e => e.Points);

    /// <summary>The points there were to give.</summary>
    public double MaxPoints => Exercises.Sum(e => e.MaxPoints);
}
