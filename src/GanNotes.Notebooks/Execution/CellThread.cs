namespace GanNotes.Notebooks;

/// <summary>
/// Runs a cell on a thread of its own with a large stack, inside the worker process
/// (<see cref="WorkerHost"/>). The runner enforces time limits and interrupts by ending the
/// worker, so nothing here waits on a cell or tries to stop one.
/// </summary>
internal static class CellThread
{
    // Notebook code may recurse deeply (hand-written autograd, tree walks); be generous.
    private const int StackSize = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a new thread and completes with its result.</summary>
    public static Task<T> RunAsync<T>(Func<T> work, string threadName)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    done.SetResult(work());
                }
#pragma warning disable CA1031 // Any failure of the cell's machinery is handed to the waiting worker loop.
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
        return done.Task;
    }
}
