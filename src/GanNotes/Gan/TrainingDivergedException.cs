namespace GanNotes.Gan;

/// <summary>A loss or gradient became NaN or infinite; training stopped before applying it.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="step"/>.</summary>
    public TrainingDivergedException(int step, string message)
        : base(message) => Step = step;

    /// <summary>Creates the exception with a message only.</summary>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>The generator step (1-based) whose update was refused.</summary>
    public int Step { get; }
}
