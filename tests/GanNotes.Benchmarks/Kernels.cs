using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using GanNotes.Tensors;

namespace GanNotes.Benchmarks;

/// <summary>
/// Kernel micro-benchmarks: this machine's fp32 FMA peak (independent chains, unrolled), and
/// the GEMM on the products of a seed-004 GAN step, as GFLOP/s and as a fraction of that peak.
/// </summary>
internal static class Kernels
{
    // Forward x W^T, backward dX = G W and dW = G^T X, batch 128 (m, n, k, transA, transB).
    private static readonly (string Name, int M, int N, int K, bool TransA, bool TransB)[] Shapes =
    [
        ("forward x W^T   ", 128, 1024, 512, false, true),
        ("forward x W^T   ", 128, 784, 1024, false, true),
        ("forward x W^T   ", 128, 512, 784, false, true),
        ("backward dX = GW", 128, 512, 1024, false, false),
        ("backward dW=G^TX", 1024, 512, 128, true, false),
        ("forward x W^T   ", 128, 256, 128, false, true),
        ("backward dX = GW", 128, 128, 256, false, false),
        ("backward dW=G^TX", 256, 128, 128, true, false),
    ];

    public static void Run()
    {
        var inv = CultureInfo.InvariantCulture;
        double peak1 = FmaPeak(1), peak2 = FmaPeak(Math.Min(2, Environment.ProcessorCount));
        Console.WriteLine(string.Create(inv, $"fma peak ({(Vector512.IsHardwareAccelerated ? "Vector512" : "Vector256")}, 12 independent chains): 1 thread {peak1:F1} GFLOP/s, 2 threads {peak2:F1} GFLOP/s"));
        foreach (int threads in new[] { 1, 2 })
        {
            Threading.NumThreads = threads;
            double peak = threads == 1 ? peak1 : peak2;
            foreach (var (name, m, n, k, ta, tb) in Shapes)
            {
                double gflops = Gemm(m, n, k, ta, tb);
                double cold = GemmCold(m, n, k, ta, tb);
                Console.WriteLine(string.Create(inv, $"gemm threads={threads} {name} ({m}, {n}, {k}): {gflops:F1} GFLOP/s = {100 * gflops / peak:F0}% of peak; cold caches {cold:F1} GFLOP/s = {100 * cold / peak:F0}%"));
            }
        }
    }

    private static double Gemm(int m, int n, int k, bool transA, bool transB)
    {
        var rng = new Rng(1);
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        rng.FillUniform(a, -1f, 1f);
        rng.FillUniform(b, -1f, 1f);
        for (int i = 0; i < 30; i++)
        {
            GanNotes.Tensors.Backend.Gemm.Multiply(transA, transB, m, n, k, a, b, c, accumulate: false); // warm-up and JIT tiers
        }
        var times = new List<double>();
        for (int rep = 0; rep < 15; rep++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 10; i++)
            {
                GanNotes.Tensors.Backend.Gemm.Multiply(transA, transB, m, n, k, a, b, c, accumulate: false);
            }
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds / 10);
        }
        times.Sort();
        return 2.0 * m * n * k / times[times.Count / 2] / 1e9;
    }

    /// <summary>Median over 7 runs of 12 independent FMA chains per thread, each chain one vector register.</summary>
    /// <summary>
    /// As <see cref="Gemm"/>, but each timed call finds the operands out of cache, as in a
    /// training step (where the rest of the step's data passes through the caches between
    /// two products): 64 MB are written between calls. Median of 31 single calls.
    /// </summary>
    private static double GemmCold(int m, int n, int k, bool transA, bool transB)
    {
        var rng = new Rng(2);
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        var flush = new float[16 << 20];
        rng.FillUniform(a, -1f, 1f);
        rng.FillUniform(b, -1f, 1f);
        var times = new List<double>();
        for (int rep = 0; rep < 36; rep++)
        {
            flush.AsSpan().Fill(rep);
            long start = Stopwatch.GetTimestamp();
            GanNotes.Tensors.Backend.Gemm.Multiply(transA, transB, m, n, k, a, b, c, accumulate: false);
            if (rep >= 5)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        }
        times.Sort();
        return 2.0 * m * n * k / times[times.Count / 2] / 1e9;
    }

    private static double FmaPeak(int threads)
    {
        const long Iterations = 20_000_000;
        var results = new List<double>();
        for (int rep = 0; rep < 7; rep++)
        {
            long start = Stopwatch.GetTimestamp();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Sink(Chains(Iterations)));
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            int lanes = Vector512.IsHardwareAccelerated ? 16 : 8;
            results.Add(threads * Iterations * 12.0 * lanes * 2 / seconds / 1e9);
        }
        results.Sort();
        return results[results.Count / 2];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Sink(float value)
    {
        if (value == 12345.678f)
        {
            Console.Write(' ');
        }
    }

    // NOTE: written out by hand so every chain stays in a register; a loop over an array of
    // accumulators goes through memory and measures about a third of the peak.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Chains(long iterations)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var x = Vector512.Create(0.999f);
            var y = Vector512.Create(1e-7f);
            Vector512<float> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x;
            for (long i = 0; i < iterations; i++)
            {
                a0 = Vector512.FusedMultiplyAdd(a0, x, y); a1 = Vector512.FusedMultiplyAdd(a1, x, y);
                a2 = Vector512.FusedMultiplyAdd(a2, x, y); a3 = Vector512.FusedMultiplyAdd(a3, x, y);
                a4 = Vector512.FusedMultiplyAdd(a4, x, y); a5 = Vector512.FusedMultiplyAdd(a5, x, y);
                a6 = Vector512.FusedMultiplyAdd(a6, x, y); a7 = Vector512.FusedMultiplyAdd(a7, x, y);
                a8 = Vector512.FusedMultiplyAdd(a8, x, y); a9 = Vector512.FusedMultiplyAdd(a9, x, y);
                a10 = Vector512.FusedMultiplyAdd(a10, x, y); a11 = Vector512.FusedMultiplyAdd(a11, x, y);
            }
            return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
        }
        var u = Vector256.Create(0.999f);
        var v = Vector256.Create(1e-7f);
        Vector256<float> b0 = u, b1 = u, b2 = u, b3 = u, b4 = u, b5 = u, b6 = u, b7 = u, b8 = u, b9 = u, b10 = u, b11 = u;
        for (long i = 0; i < iterations; i++)
        {
            b0 = Vector256.FusedMultiplyAdd(b0, u, v); b1 = Vector256.FusedMultiplyAdd(b1, u, v);
            b2 = Vector256.FusedMultiplyAdd(b2, u, v); b3 = Vector256.FusedMultiplyAdd(b3, u, v);
            b4 = Vector256.FusedMultiplyAdd(b4, u, v); b5 = Vector256.FusedMultiplyAdd(b5, u, v);
            b6 = Vector256.FusedMultiplyAdd(b6, u, v); b7 = Vector256.FusedMultiplyAdd(b7, u, v);
            b8 = Vector256.FusedMultiplyAdd(b8, u, v); b9 = Vector256.FusedMultiplyAdd(b9, u, v);
            b10 = Vector256.FusedMultiplyAdd(b10, u, v); b11 = Vector256.FusedMultiplyAdd(b11, u, v);
        }
        return Vector256.Sum(b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + b10 + b11);
    }
}
