using System.Diagnostics;
using System.Globalization;
using GanNotes.Benchmarks;
using GanNotes.Data;
using GanNotes.Tensors;

// Usage: dotnet run -c Release --project tests/GanNotes.Benchmarks -- [steps=100] [threads=2] [batch=128] [data folder holding fashion-mnist/] [device=cpu]
// Prints one line in the peer's format (peer/torch_reference_gan.py) so the two can be compared.
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- dcgan [steps] [threads] [batch] [data folder]
// The same for the DCGAN's step (--recipe dcgan), in the format of peer/torch_dcgan.py.
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- kernels
// Prints this machine's FMA peak and the GEMM's GFLOP/s on the step's shapes.
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- launches [batch=16] [data folder]
// Counts the kernel launches, copies and fills of one GAN step on ILGPU's CPU accelerator (LaunchCount).
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- profile [steps] [threads] [batch]
// Prints where a step's time goes: every kernel's time per step (GanNotes.Tensors.Profiler).
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- scaling-plot <rows.tsv> <out-stem>
// Draws scaling.sh's rows as <out-stem>.png and <out-stem>.html (ScalingPlot).
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- device-check <device> [data folder]
// Checks every kernel of a device against the CPU at the step's sizes, then ten GAN steps (DeviceCheck).
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- train <device> <out dir> [epochs=10] [data folder]
// Trains the fast recipe as gan-notes train does (without its charts) and prints the seconds per epoch.
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- gan-notes <command> [options]
// Runs the gan-notes command itself (e.g. gan-notes train --device cuda), so that the GPU machine needs
// one published program (gpu/publish.sh); there it has no notebooks command (CliFeatures.Notebooks).
if (args.Length > 0 && args[0] == "gan-notes")
{
    Environment.ExitCode = GanNotes.Cli.Program.Main(args[1..]);
    return;
}
if (args.Length > 1 && args[0] == "device-check")
{
    Environment.ExitCode = DeviceNamed(args[1]) is { } checkedDevice
        ? DeviceCheck.Run(checkedDevice, FashionMnist.Load(args.Length > 2 ? args[2] : "/usr/share/datasets"))
        : 2;
    return;
}
if (args.Length > 2 && args[0] == "train")
{
    Environment.ExitCode = DeviceNamed(args[1]) is { } trainDevice
        ? FastRun.Run(trainDevice, args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10, args.Length > 4 ? args[4] : "/usr/share/datasets")
        : 2;
    return;
}
if (args.Length > 0 && args[0] == "scaling-plot")
{
    Environment.ExitCode = ScalingPlot.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "launches")
{
    Environment.ExitCode = LaunchCount.Run(FashionMnist.Load(args.Length > 2 ? args[2] : "/usr/share/datasets"),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16);
    return;
}
if (args.Length > 0 && args[0] == "kernels")
{
    Kernels.Run();
    return;
}
// "dcgan" times the DCGAN's step instead of the MLP's (peer/torch_dcgan.py step); "profile" may precede it.
bool profile = args.Length > 0 && args[0] == "profile";
if (profile)
{
    args = args[1..];
}
bool dcgan = args.Length > 0 && args[0] == "dcgan";
if (dcgan)
{
    args = args[1..];
}
var inv = CultureInfo.InvariantCulture;
int steps = args.Length > 0 ? int.Parse(args[0], inv) : 100;
int threads = args.Length > 1 ? int.Parse(args[1], inv) : 2;
int batch = args.Length > 2 ? int.Parse(args[2], inv) : GanStep.DefaultBatch;
string dataDir = args.Length > 3 ? args[3] : "/usr/share/datasets"; // Debian's dataset-fashion-mnist, as the peer reads
if (DeviceNamed(args.Length > 4 ? args[4] : "cpu") is not { } device)
{
    Environment.ExitCode = 2;
    return;
}
Threading.NumThreads = threads;

ImageDataset data;
try
{
    data = FashionMnist.Load(dataDir);
}
catch (Exception e) when (e is IOException or IdxFormatException)
{
    Console.Error.WriteLine($"error: {e.Message} (Debian package dataset-fashion-mnist provides {dataDir}/fashion-mnist)");
    Environment.ExitCode = 2;
    return;
}
// Warm-up: fill the buffer pools, and let .NET's tiered JIT finish recompiling the hot
// methods. It does that on a background thread for the first seconds of a run; on a 2-core
// machine that thread takes a core from a kernel worker, and a product's hand-off that
// takes under a microsecond in steady state then waits for milliseconds (docs/benchmarks.md).
// A fixed number of steps for a batch size, so the timed losses are reproducible.
ITrainingStep step = dcgan ? new DcganStep(data, batch, device) : new GanStep(data, batch, device);
for (int i = 0; i < GanStep.WarmUpSteps(batch); i++)
{
    step.Step(i);
}
if (profile)
{
    using (var profiler = Profiler.Start())
    {
        for (int i = 0; i < steps; i++)
        {
            step.Step(i);
        }
        profiler.Dispose();
        Console.WriteLine(string.Create(inv, $"profile of {steps} steps, {threads} thread(s), batch {batch}, per step:"));
        Console.Write(profiler.Table(top: 30, perSteps: steps));
    }
    return;
}
int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
long allocated = GC.GetTotalAllocatedBytes(precise: true);
var watch = Stopwatch.StartNew();
(float LossD, float LossG) losses = default;
for (int i = 0; i < steps; i++)
{
    losses = step.Step(i, read: i == steps - 1); // the last read waits for the device to finish
}
watch.Stop();
double seconds = watch.Elapsed.TotalSeconds;
double msPerStep = 1000 * seconds / steps;
long bytesPerStep = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / steps;
Console.WriteLine(string.Create(inv,
    $"gannotes{(dcgan ? " dcgan" : "")} device={device} threads={threads} batch={batch} steps={steps} seconds={seconds:F3} ms_per_step={msPerStep:F2} est_s_per_epoch={data.Count / batch * seconds / steps:F1} " +
    $"ld={losses.LossD:F3} lg={losses.LossG:F3} gflops={step.Flops() / (msPerStep * 1e6):F1} alloc_kb_per_step={bytesPerStep / 1024.0:F0} " +
    $"gc0={GC.CollectionCount(0) - gen0} gc1={GC.CollectionCount(1) - gen1} gc2={GC.CollectionCount(2) - gen2} peak_rss_mb={Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}"));

// A device that is not there (no GPU, no driver) is one line on stderr, not a stack trace.
static Device? DeviceNamed(string name)
{
    try
    {
        return DeviceCheck.Named(name);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return null;
    }
}
