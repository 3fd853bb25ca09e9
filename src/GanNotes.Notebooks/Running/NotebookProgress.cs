namespace GanNotes.Notebooks;

/// <summary>A progress report: a code cell started (<see cref="CellRunStatus.Running"/>) or ended.</summary>
/// <param name="NotebookPath">The notebook being run.</param>
/// <param name="CellIndex">0-based position of the cell among all cells.</param>
/// <param name="CellCount">Number of cells in the notebook (all kinds).</param>
/// <param name="Status">Running at the start; the outcome at the end.</param>
/// <param name="Elapsed">Time the cell took (zero at the start).</param>
public sealed record NotebookProgress(string NotebookPath, int CellIndex, int CellCount, CellRunStatus Status, TimeSpan Elapsed)
{
    /// <summary>1-based position of the cell, for "cell i of n".</summary>
    public int CellNumber => CellIndex + 1;
}
