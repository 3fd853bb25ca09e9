namespace GanNotes.Notebooks;

/// <summary>The error that stopped a run: where, and what.</summary>
/// <param name="CellIndex">0-based position of the failing cell among all cells.</param>
/// <param name="Line">1-based line in the cell, when known (compile errors, runtime errors with a cell frame, directives).</param>
/// <param name="Name">Jupyter's <c>ename</c>: the exception type, <c>CompilationError</c> or <c>TimeoutException</c>.</param>
/// <param name="Message">One line, e.g. <c>CS0103: The name 'x' does not exist in the current context</c>.</param>
public sealed record NotebookRunError(int CellIndex, int? Line, string Name, string Message)
{
    /// <summary>1-based position of the failing cell among all cells.</summary>
    public int CellNumber => CellIndex + 1;

    /// <summary><c>cell 4, line 2: CS0103: ...</c></summary>
    public override string ToString() =>
        Line is int line ? $"cell {CellNumber}, line {line}: {Message}" : $"cell {CellNumber}: {Message}";
}
