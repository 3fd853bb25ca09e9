namespace GanNotes.Notebooks;

/// <summary>
/// The worker process that runs a notebook's cells could not be started, or died before the
/// first cell. The message is one line; nothing was run or written.
/// </summary>
public sealed class NotebookWorkerException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public NotebookWorkerException()
        : base("the notebook worker could not start")
    {
    }

    /// <summary>Creates the exception with a ready-made message.</summary>
    public NotebookWorkerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a ready-made message and its cause.</summary>
    public NotebookWorkerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
