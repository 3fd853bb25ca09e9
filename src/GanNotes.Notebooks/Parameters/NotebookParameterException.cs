namespace GanNotes.Notebooks;

/// <summary>
/// A <c>--set name=value</c> that cannot be applied: bad format, unknown name, or a value that
/// is not of the parameter's type. The message is one line naming the parameter and the
/// notebook. Nothing is executed or written when this is thrown.
/// </summary>
public sealed class NotebookParameterException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public NotebookParameterException()
        : base("invalid notebook parameter")
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    public NotebookParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public NotebookParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
