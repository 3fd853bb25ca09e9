using GanNotes.Notebooks;

namespace GanNotes.Cli.Commands;

/// <summary>How one notebook of a run ended, for the summary table and the error lines.</summary>
/// <param name="Job">The notebook.</param>
/// <param name="Result">The runner's result; null when the notebook could not be run at all.</param>
/// <param name="Status">A few words for the summary table.</param>
/// <param name="ErrorLine">The line for stderr when it did not end clean, naming notebook, cell and line.</param>
internal sealed record NotebookOutcome(NotebookJob Job, NotebookRunResult? Result, string Status, string? ErrorLine)
{
    public bool Succeeded => ErrorLine is null;

    public static NotebookOutcome FromResult(NotebookJob job, NotebookRunResult result)
    {
        if (result.Error is not { } error)
        {
            return new NotebookOutcome(job, result, "ok", null);
        }
        string status = error.Name == "TimeoutException" ? $"timed out (cell {error.CellNumber})" : $"failed (cell {error.CellNumber})";
        return new NotebookOutcome(job, result, status, $"error: {job.Path}: {error}");
    }

    public static NotebookOutcome NotRun(NotebookJob job, string status, string message) =>
        new(job, null, status, $"error: {message}");
}
