namespace GanNotes.Notebooks;

/// <summary>
/// A file that is not a readable Jupyter notebook (nbformat 4). The message is one line that
/// names the file and the problem, e.g. <c>notebooks/01.ipynb: not a valid notebook: cell 3 has no "source"</c>.
/// The file is never modified when this is thrown.
/// </summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public NotebookFormatException()
        : base("not a valid notebook")
    {
    }

    /// <summary>Creates the exception with a ready-made message.</summary>
    public NotebookFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a ready-made message and its cause.</summary>
    public NotebookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/> with the problem found in it.</summary>
    public NotebookFormatException(string path, string problem, Exception? innerException)
        : base($"{path}: not a valid notebook: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The notebook file (or source name) that failed to read, when known.</summary>
    public string? Path { get; }
}
