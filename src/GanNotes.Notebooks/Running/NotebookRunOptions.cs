namespace GanNotes.Notebooks;

/// <summary>How <see cref="NotebookRunner.RunAsync"/> runs one notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Overrides for the cell tagged <c>parameters</c> (<c>--set name=value</c>).</summary>
    public IReadOnlyList<ParameterAssignment> Parameters { get; init; } = [];

    /// <summary>
    /// Quick mode: first apply the notebook's own quick settings, the object
    /// <c>metadata.gan_notes.quick</c> (<c>{"epochs": 1}</c>), then <see cref="Parameters"/>.
    /// CI runs every notebook this way; committed outputs come from full runs.
    /// </summary>
    public bool Quick { get; init; }

    /// <summary>The longest a single cell may run; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>
    /// Where to save the executed notebook (atomically); the notebook's own path to replace it
    /// in place; null to save nothing.
    /// </summary>
    public string? OutputPath { get; init; }
}
