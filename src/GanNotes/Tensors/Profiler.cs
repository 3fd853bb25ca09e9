using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GanNotes.Tensors;

/// <summary>
/// Times every kernel the engine runs while it is active, like a minimal
/// <c>torch.profiler</c>: which kernels ran, how often, and for how long, against the wall
/// time, the garbage collector's pauses and the bytes allocated in the same span.
/// </summary>
/// <remarks>
/// One profiler runs at a time, process-wide. Matrix products are listed per shape
/// (<c>MatMulNT 128x1024x512</c>: C is 128 x 1024, the inner size is 512, A as stored, B
/// transposed). Time outside every kernel (autograd bookkeeping, allocation, the collector)
/// is <see cref="Untimed"/>.
/// </remarks>
/// <example><code>
/// using (var profile = Profiler.Start()) { trainer.TrainStep(); }
/// Console.WriteLine(profile.Table());
/// </code></example>
public sealed class Profiler : IDisposable
{
    private static readonly Lock Gate = new();
    private static Profiler? current;

    private readonly Dictionary<string, (long Calls, long Ticks)> entries = [];
    private readonly long startTicks;
    private readonly TimeSpan startPause;
    private readonly long startAllocated;
    private readonly int[] startCollections = new int[3];
    private long stopTicks;
    private TimeSpan stopPause;
    private long stopAllocated;
    private readonly int[] collections = new int[3];

    private Profiler()
    {
        for (int g = 0; g < 3; g++)
        {
            startCollections[g] = GC.CollectionCount(g);
        }
        startPause = GC.GetTotalPauseDuration();
        startAllocated = GC.GetTotalAllocatedBytes(precise: true);
        startTicks = Stopwatch.GetTimestamp();
    }

    internal static bool IsActive => Volatile.Read(ref current) is not null;

    /// <summary>Starts profiling; dispose the result to stop.</summary>
    /// <exception cref="InvalidOperationException">Another profiler is running.</exception>
    public static Profiler Start()
    {
        lock (Gate)
        {
            if (current is not null)
            {
                throw new InvalidOperationException("A profiler is already running; dispose it before starting another.");
            }
            current = new Profiler();
            return current;
        }
    }

    /// <summary>Wall time from start to stop (to now while running).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(startTicks, stopTicks == 0 ? Stopwatch.GetTimestamp() : stopTicks);

    /// <summary>Time the garbage collector paused the process while profiling.</summary>
    public TimeSpan GCPause => (stopTicks == 0 ? GC.GetTotalPauseDuration() : stopPause) - startPause;

    /// <summary>Bytes allocated on the managed heap while profiling.</summary>
    public long AllocatedBytes => (stopTicks == 0 ? GC.GetTotalAllocatedBytes(precise: true) : stopAllocated) - startAllocated;

    /// <summary>Garbage collections of generations 0, 1 and 2 while profiling.</summary>
    public IReadOnlyList<int> Collections => stopTicks == 0
        ? [.. Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - startCollections[g])]
        : collections;

    /// <summary>The kernels that ran, most total time first.</summary>
    public IReadOnlyList<ProfileEntry> Entries
    {
        get
        {
            lock (Gate)
            {
                return [.. entries
                    .Select(e => new ProfileEntry(e.Key, e.Value.Calls, Stopwatch.GetElapsedTime(0, e.Value.Ticks)))
                    .OrderByDescending(e => e.Total)
                    .ThenBy(e => e.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Wall time not spent inside any kernel.</summary>
    public TimeSpan Untimed => Elapsed - Entries.Aggregate(TimeSpan.Zero, (sum, e) => sum + e.Total);

    /// <summary>Stops profiling; the figures stay readable.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(current, this))
            {
                return;
            }
            stopTicks = Stopwatch.GetTimestamp();
            stopPause = GC.GetTotalPauseDuration();
            stopAllocated = GC.GetTotalAllocatedBytes(precise: true);
            for (int g = 0; g < 3; g++)
            {
                collections[g] = GC.CollectionCount(g) - startCollections[g];
            }
            Volatile.Write(ref current, null);
        }
    }

    /// <summary>
    /// The profile as a fixed-width text table: one row per kernel (the <paramref name="top"/>
    /// costliest, the rest summed), then time outside kernels, GC pauses and allocation,
    /// each divided by <paramref name="perSteps"/> (1 reports totals).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> or <paramref name="perSteps"/> is less than 1.</exception>
    public string Table(int top = 25, int perSteps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perSteps, 1);
        var inv = CultureInfo.InvariantCulture;
        var rows = Entries;
        double wall = Elapsed.TotalMilliseconds / perSteps;
        var text = new StringBuilder();
        string unit = perSteps == 1 ? "ms" : "ms/step";
        text.AppendLine(inv, $"{"kernel",-40} {"calls",9} {unit,10} {"share",6} {"GFLOP/s",8}");
        void Row(string name, double calls, double ms, double? gflops = null) =>
            text.AppendLine(inv, $"{name,-40} {calls,9:0.#} {ms,10:F3} {100 * ms / wall,5:F1}%{(gflops is { } g ? $" {g,8:F1}" : "")}");
        foreach (var e in rows.Take(top))
        {
            Row(e.Name, (double)e.Calls / perSteps, e.Total.TotalMilliseconds / perSteps, e.GigaflopsPerSecond);
        }
        var rest = rows.Skip(top).ToList();
        if (rest.Count > 0)
        {
            Row($"({rest.Count} other kernels)", (double)rest.Sum(e => e.Calls) / perSteps, rest.Sum(e => e.Total.TotalMilliseconds) / perSteps);
        }
        Row("(outside kernels)", 0, Untimed.TotalMilliseconds / perSteps);
        text.AppendLine(inv, $"{"wall",-40} {"",9} {wall,10:F3} 100.0%");
        var gcs = Collections;
        text.AppendLine(inv, $"GC pauses {GCPause.TotalMilliseconds / perSteps:F3} {unit}; allocated {AllocatedBytes / 1024.0 / perSteps:F1} KB{(perSteps == 1 ? "" : "/step")}; collections gen0/1/2 {gcs[0]}/{gcs[1]}/{gcs[2]}");
        return text.ToString();
    }

    internal static void Record(string name, long ticks)
    {
        lock (Gate)
        {
            var p = current;
            if (p is null)
            {
                return;
            }
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(p.entries, name, out _);
            entry = (entry.Calls + 1, entry.Ticks + ticks);
        }
    }
}

/// <summary>One row of a <see cref="Profiler"/>: a kernel, how often it ran and its total time.</summary>
/// <param name="Name">The kernel (matrix products with their shape).</param>
/// <param name="Calls">How many times it ran.</param>
/// <param name="Total">Its total wall time.</param>
public sealed record ProfileEntry(string Name, long Calls, TimeSpan Total)
{
    /// <summary>
    /// For a matrix product (<c>MatMulNT 128x784x1024</c>: C is m x n, the inner size k) or a
    /// kernel keyed by the product it amounts to (<c>Conv2d 6272x64x512</c>), its speed: 2 m n k
    /// floating-point operations per call over its time; null for other kernels.
    /// </summary>
    public double? GigaflopsPerSecond
    {
        get
        {
            if (!Name.Contains(' ', StringComparison.Ordinal) || Total <= TimeSpan.Zero)
            {
                return null;
            }
            var sizes = Name[(Name.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split('x');
            if (sizes.Length != 3 || !sizes.All(d => long.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return null;
            }
            double flops = 2.0 * sizes.Aggregate(1.0, (product, d) => product * long.Parse(d, CultureInfo.InvariantCulture));
            return flops * Calls / Total.TotalSeconds / 1e9;
        }
    }
}
