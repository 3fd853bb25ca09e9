namespace GanNotes.Cli.Commands;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports synchronously, in order (the framework's
/// <see cref="Progress{T}"/> posts to the thread pool and may reorder reports).
/// </summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
