namespace GanNotes.Notebooks;

/// <summary>The outcome of one cell.</summary>
/// <param name="CellIndex">0-based position among all cells of the notebook.</param>
/// <param name="Status">What happened.</param>
/// <param name="Duration">How long it ran (zero when it did not run).</param>
/// <param name="ExecutionCount">Its Jupyter execution count, when it ran.</param>
/// <param name="Note">Why it was skipped, when it was (e.g. <c>fsharp cell: not run by the C# runner</c>).</param>
public sealed record CellRunResult(int CellIndex, CellRunStatus Status, TimeSpan Duration, int? ExecutionCount, string? Note)
{
    /// <summary>1-based position among all cells, as a reader counts them.</summary>
    public int CellNumber => CellIndex + 1;
}
