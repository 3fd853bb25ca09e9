using System.Globalization;

namespace GanNotes.Tensors;

/// <summary>
/// How many CPU threads GanNotes kernels may use, like <c>torch.set_num_threads</c>.
/// </summary>
/// <remarks>
/// The setting is process-wide. Kernels that split their work over threads (such as the
/// matrix multiply behind <c>Linear</c> layers) use at most this many workers, and run on the
/// calling thread alone when the work is too small to be worth sharing. Results do not depend
/// on the setting: kernels partition only over independent outputs, so every output element
/// is summed in the same order whatever the thread count.
/// </remarks>
public static class Threading
{
    private static int numThreads = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Gets or sets the largest number of threads a kernel may use; defaults to
    /// <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is less than 1.</exception>
    public static int NumThreads
    {
        get => Volatile.Read(ref numThreads);
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    string.Create(CultureInfo.InvariantCulture, $"Invalid thread count: {value}"));
            }

            Volatile.Write(ref numThreads, value);
        }
    }
}
