namespace GanNotes.Data;

/// <summary>
/// An IDX file (the MNIST-style format of LeCun et al.) that cannot be read: a bad magic
/// number, unsupported element type or rank, an impossible dimension, truncated data or
/// trailing bytes.
/// </summary>
/// <remarks>
/// The message is one line, <c>"{path}: {problem}"</c>, fit to show a student as is.
/// It derives from <see cref="IOException"/> so callers that handle any unreadable input
/// catch it too.
/// </remarks>
public sealed class IdxFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a one-line <paramref name="problem"/>.</summary>
    public IdxFormatException(string filePath, string problem)
        : base($"{filePath}: {problem}")
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>Creates the exception with a cause (for example the gzip decoder's error).</summary>
    public IdxFormatException(string filePath, string problem, Exception innerException)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only (no file known).</summary>
    public IdxFormatException()
        : this("(unknown file)", "invalid IDX data")
    {
    }

    /// <summary>Creates the exception with a message only (no file known).</summary>
    public IdxFormatException(string message)
        : base(message)
    {
        FilePath = "(unknown file)";
        Problem = message;
    }

    /// <summary>Creates the exception with a message and a cause (no file known).</summary>
    public IdxFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "(unknown file)";
        Problem = message;
    }

    /// <summary>The file that failed to read, as it was given to the reader.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
