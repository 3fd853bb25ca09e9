namespace GanNotes.Notebooks;

/// <summary>
/// A Jupyter <c>error</c> output (ename, evalue, traceback) and where in the cell it happened.
/// </summary>
/// <param name="Name">Jupyter's <c>ename</c>: the exception type, or <c>CompilationError</c>.</param>
/// <param name="Value">Jupyter's <c>evalue</c>: the message.</param>
/// <param name="Traceback">Jupyter's <c>traceback</c>, one line per item.</param>
/// <param name="Line">The 1-based line in the cell, when known.</param>
/// <param name="Summary">One line for a terminal, e.g. <c>CS0103: The name 'x' does not exist in the current context</c>.</param>
internal sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback, int? Line, string Summary);
