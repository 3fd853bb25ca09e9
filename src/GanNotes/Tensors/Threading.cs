namespace GanNotes.Tensors;

/// <summary>How many CPU threads kernels may use (like torch.set_num_threads).</summary>
public static class Threading
{
    private static int numThreads = Environment.ProcessorCount;

    /// <summary>The thread budget; at least 1.</summary>
    public static int NumThreads
    {
        get => numThreads;
        set => numThreads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"Invalid thread count: {value}");
    }
}
