using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>The outcome of running one notebook.</summary>
public sealed class NotebookRunResult
{
    internal NotebookRunResult(
        string notebookPath, string? outputPath, NotebookDocument notebook, IReadOnlyList<CellRunResult> cells,
        TimeSpan duration, NotebookRunError? error, JsonObject? parameters)
    {
        NotebookPath = notebookPath;
        OutputPath = outputPath;
        Notebook = notebook;
        Cells = cells;
        Duration = duration;
        Error = error;
        Parameters = parameters;
    }

    /// <summary>The notebook that was run.</summary>
    public string NotebookPath { get; }

    /// <summary>Where the executed notebook was saved; null when it was not saved.</summary>
    public string? OutputPath { get; }

    /// <summary>The executed notebook, with its outputs.</summary>
    public NotebookDocument Notebook { get; }

    /// <summary>One entry per cell, in order.</summary>
    public IReadOnlyList<CellRunResult> Cells { get; }

    /// <summary>Wall-clock time of the whole run.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The error that stopped the run; null when every cell ran clean.</summary>
    public NotebookRunError? Error { get; }

    /// <summary>The overridden parameters as recorded in <c>metadata.gan_notes.parameters</c>; null when none.</summary>
    public JsonObject? Parameters { get; }

    /// <summary>True when every C# cell ran without error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Number of code cells executed (including the failing one).</summary>
    public int ExecutedCells => Cells.Count(c => c.ExecutionCount is not null);

    /// <summary>Number of C# code cells in the notebook (cells of other kernels are not counted).</summary>
    public int CSharpCells => Cells.Count(c => c.Status is not (CellRunStatus.NotCode or CellRunStatus.Skipped));
}
