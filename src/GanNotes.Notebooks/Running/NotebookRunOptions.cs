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

    /// <summary>
    /// Run the notebook as if it were this file: its folder is the working folder and the one
    /// <c>#r</c> resolves against (a copy being graded runs beside the course's notebook, with its
    /// <c>lib/</c>). Null: the notebook's own path.
    /// </summary>
    public string? RunAs { get; init; }

    /// <summary>
    /// Go on after a cell fails, as nbgrader does when it grades, so that a broken exercise costs
    /// only its own checks. A cell that ends the worker or runs past <see cref="CellTimeout"/>
    /// still stops the run. <see cref="NotebookRunResult.Error"/> is the first error.
    /// </summary>
    public bool ContinueAfterErrors { get; init; }
}
