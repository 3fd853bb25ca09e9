namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// What an accelerator was asked to do: kernel launches, and the copies and fills that the
/// runtime queues beside them (each a launch of its own on a GPU's stream). On a GPU a small
/// step is bound by these counts, not by arithmetic: each costs some microseconds of launch
/// overhead whatever its size, so they are counted on ILGPU's CPU accelerator, where they are
/// the same as on a GPU.
/// </summary>
/// <param name="Launches">Kernels launched.</param>
/// <param name="DeviceCopies">Copies from one buffer to another on the device.</param>
/// <param name="HostToDevice">Copies from host memory to the device.</param>
/// <param name="DeviceToHost">Copies from the device to host memory (each waits for the stream).</param>
/// <param name="Fills">Buffers set to zero.</param>
internal readonly record struct LaunchCounts(long Launches, long DeviceCopies, long HostToDevice, long DeviceToHost, long Fills)
{
    /// <summary>Everything queued on the stream: launches, copies and fills.</summary>
    public long Total => Launches + DeviceCopies + HostToDevice + DeviceToHost + Fills;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Launches} launches, {DeviceCopies} device copies, {HostToDevice} host-to-device, {DeviceToHost} device-to-host, {Fills} fills";
}

/// <summary>
/// Counts what the code run on this thread (and the tasks it awaits) queues on any accelerator,
/// from <see cref="Start"/> until disposed; tallies nest. Work on other threads, such as tests
/// running beside this one on the same accelerator, is not counted.
/// </summary>
/// <example><code>
/// using var tally = LaunchTally.Start();
/// trainer.TrainStep();
/// Console.WriteLine(tally.Counts);
/// </code></example>
internal sealed class LaunchTally : IDisposable
{
    private static readonly AsyncLocal<LaunchTally?> Current = new();
    private readonly LaunchTally? outer;
    private readonly long[] byKernel = new long[Enum.GetValues<KernelId>().Length];
    private readonly long[] counts = new long[5]; // in the order of LaunchCounts' members
    private bool disposed;

    private LaunchTally(LaunchTally? outer) => this.outer = outer;

    /// <summary>Starts counting on this thread.</summary>
    public static LaunchTally Start()
    {
        var tally = new LaunchTally(Current.Value);
        Current.Value = tally;
        return tally;
    }

    /// <summary>The counts so far.</summary>
    public LaunchCounts Counts => new(counts[Launches], counts[DeviceCopies], counts[HostToDevices], counts[DeviceToHosts], counts[Fills]);

    /// <summary>The launches of each kernel so far (those launched at least once).</summary>
    public IReadOnlyDictionary<KernelId, long> ByKernel =>
        Enum.GetValues<KernelId>().Where(id => byKernel[(int)id] > 0).ToDictionary(id => id, id => byKernel[(int)id]);

    /// <summary>Stops counting; the tally it was started inside counts on.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Current.Value = outer;
        }
    }

    internal static void Launch(KernelId id) => Count(Launches, id);

    internal static void DeviceCopy() => Count(DeviceCopies);

    internal static void HostToDevice() => Count(HostToDevices);

    internal static void DeviceToHost() => Count(DeviceToHosts);

    internal static void Fill() => Count(Fills);

    private const int Launches = 0, DeviceCopies = 1, HostToDevices = 2, DeviceToHosts = 3, Fills = 4;

    /// <summary>Counts one of <paramref name="what"/> (and a launch of <paramref name="kernel"/>) on this thread's tally and every tally it was started inside.</summary>
    private static void Count(int what, KernelId? kernel = null)
    {
        for (var t = Current.Value; t is not null; t = t.outer)
        {
            t.counts[what]++;
            if (kernel is { } id)
            {
                t.byKernel[(int)id]++;
            }
        }
    }
}
