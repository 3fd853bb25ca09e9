namespace GanNotes.Notebooks;

/// <summary>How <see cref="NotebookRunner.RunAsync"/> runs one notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Overrides for the cell tagged <c>parameters</c> (<c>--set name=value</c>).</summary>
    public IReadOnlyList<ParameterAssignment> Parameters { get; init; } = [];

    /// <summary>The longest a single cell may run; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>
    /// Where to save the executed notebook (atomically); the notebook's own path to replace it
    /// in place; null to save nothing.
    /// </summary>
    public string? OutputPath { get; init; }
}
