namespace GanNotes.Notebooks;

/// <summary>
/// Runs a cell on its own background thread and waits for it with a time limit. A cell that
/// runs past the limit cannot be stopped (.NET has no safe way to abort a thread that never
/// checks for cancellation, such as <c>while (true) { }</c>): the thread is abandoned and keeps
/// running until the process exits. Background threads do not keep a process alive, so the
/// <c>gan-notes</c> command still exits when it is done; a host that embeds the runner should
/// exit too after a timeout.
/// </summary>
internal static class CellWorker
{
    // Notebook code may recurse deeply (hand-written autograd, tree walks); be generous.
    private const int StackSize = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/>; Finished is false when it did not end within <paramref name="timeout"/>.</summary>
    public static async Task<(bool Finished, T? Result)> RunAsync<T>(Func<T> work, TimeSpan? timeout, string threadName)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    done.SetResult(work());
                }
#pragma warning disable CA1031 // Any failure of the cell's machinery is handed to the waiting runner.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    done.SetException(e);
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = threadName,
        };
        thread.Start();
        if (timeout is TimeSpan limit)
        {
            using var timer = new CancellationTokenSource();
            var first = await Task.WhenAny(done.Task, Task.Delay(limit, timer.Token)).ConfigureAwait(false);
            await timer.CancelAsync().ConfigureAwait(false); // no timer left pending for each finished cell
            if (first != done.Task)
            {
                return (false, default);
            }
        }
        return (true, await done.Task.ConfigureAwait(false));
    }
}
