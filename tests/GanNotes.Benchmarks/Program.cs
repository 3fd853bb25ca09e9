using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using GanNotes.Benchmarks;
using GanNotes.Tensors;

// Usage: dotnet run -c Release --project tests/GanNotes.Benchmarks -- [steps] [threads] [images.idx3-ubyte.gz]
// Prints one line in the peer's format (peer/torch_reference_gan.py) so the two can be compared.
//        dotnet run -c Release --project tests/GanNotes.Benchmarks -- kernels
// Prints this machine's FMA peak and the GEMM's GFLOP/s on the step's shapes.
if (args.Length > 0 && args[0] == "kernels")
{
    Kernels.Run();
    return;
}
var inv = CultureInfo.InvariantCulture;
int steps = args.Length > 0 ? int.Parse(args[0], inv) : 100;
int threads = args.Length > 1 ? int.Parse(args[1], inv) : 2;
string imagesPath = args.Length > 2 ? args[2] : "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";
Threading.NumThreads = threads;

var (images, count) = ReadIdxImages(imagesPath);
var step = new GanStep(images, count);
for (int i = 0; i < 10; i++)
{
    step.Step(i); // warm-up: JIT tiers, pools
}
int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
long allocated = GC.GetTotalAllocatedBytes(precise: true);
var watch = Stopwatch.StartNew();
(float LossD, float LossG) losses = default;
for (int i = 0; i < steps; i++)
{
    losses = step.Step(i);
}
watch.Stop();
double seconds = watch.Elapsed.TotalSeconds;
double msPerStep = 1000 * seconds / steps;
long bytesPerStep = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / steps;
Console.WriteLine(string.Create(inv,
    $"gannotes threads={threads} steps={steps} seconds={seconds:F3} ms_per_step={msPerStep:F2} est_s_per_epoch={468 * seconds / steps:F1} " +
    $"ld={losses.LossD:F3} lg={losses.LossG:F3} gflops={GanStep.Flops() / (msPerStep * 1e6):F1} alloc_kb_per_step={bytesPerStep / 1024.0:F0} " +
    $"gc0={GC.CollectionCount(0) - gen0} gc1={GC.CollectionCount(1) - gen1} gc2={GC.CollectionCount(2) - gen2} peak_rss_mb={Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}"));

// The training images as floats in [0, 1]. A minimal IDX read (magic 0x00000803, big-endian
// sizes) for the benchmark only; the library's IDX reader belongs to GanNotes.Data.
static (float[] Images, int Count) ReadIdxImages(string path)
{
    if (!File.Exists(path))
    {
        Console.Error.WriteLine($"error: {path} not found (Debian package dataset-fashion-mnist provides it)");
        Environment.Exit(2);
    }
    using var file = File.OpenRead(path);
    using var gzip = new GZipStream(file, CompressionMode.Decompress);
    using var memory = new MemoryStream();
    gzip.CopyTo(memory);
    var bytes = memory.ToArray();
    int BigEndian(int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (BigEndian(0) != 0x803)
    {
        Console.Error.WriteLine($"error: {path} is not an IDX image file (magic {BigEndian(0):x})");
        Environment.Exit(2);
    }
    int n = BigEndian(4), pixels = BigEndian(8) * BigEndian(12);
    var images = new float[n * pixels];
    for (int i = 0; i < images.Length; i++)
    {
        images[i] = bytes[16 + i] / 255f;
    }
    return (images, n);
}
