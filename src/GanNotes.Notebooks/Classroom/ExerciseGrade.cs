using System.Globalization;

namespace GanNotes.Notebooks;

/// <summary>One exercise of one submission, graded: a row of grades.csv.</summary>
/// <param name="Student">Who submitted (the folder the submission sits in).</param>
/// <param name="Notebook">The notebook's file name, e.g. <c>02-value-function.ipynb</c>.</param>
/// <param name="Exercise">The check's <c>grade_id</c>, e.g. <c>ex1-check</c>.</param>
/// <param name="Points">The points given: all of <paramref name="MaxPoints"/> for a pass, else 0.</param>
/// <param name="MaxPoints">What the check is worth.</param>
/// <param name="Verdict">What happened to it.</param>
/// <param name="Hint">The check's message, or why it could not run; what the student reads.</param>
public sealed record ExerciseGrade(
    string Student, string Notebook, string Exercise, double Points, double MaxPoints, GradeVerdict Verdict, string Hint)
{
    /// <summary>The verdict as grades.csv writes it: <c>passed</c>, <c>wrong</c>, <c>not yet</c>, ...</summary>
    public string VerdictText => Verdict switch
    {
        GradeVerdict.Passed => "passed",
        GradeVerdict.Wrong => "wrong",
        GradeVerdict.NotYet => "not yet",
        GradeVerdict.Error => "error",
        GradeVerdict.NotRun => "not run",
        GradeVerdict.Missing => "missing",
        GradeVerdict.Unreadable => "unreadable",
        _ => throw new InvalidOperationException($"unknown verdict {Verdict}"),
    };

    /// <summary>Points as written in grades.csv: invariant, without needless decimals.</summary>
    public static string FormatPoints(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>What happened to one check of a submission.</summary>
public enum GradeVerdict
{
    /// <summary>The check passed: full points.</summary>
    Passed,

    /// <summary>The check ran and said the answer is wrong.</summary>
    Wrong,

    /// <summary>The placeholder is still there.</summary>
    NotYet,

    /// <summary>The check cell failed (its answer did not compile, threw, or timed out).</summary>
    Error,

    /// <summary>An earlier cell ended the run (a crash or a time-out) before the check.</summary>
    NotRun,

    /// <summary>The submission no longer holds the check cell.</summary>
    Missing,

    /// <summary>The submission is not a readable notebook.</summary>
    Unreadable,
}
