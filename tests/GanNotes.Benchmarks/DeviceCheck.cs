using System.Globalization;
using GanNotes.Data;
using GanNotes.Nn;
using GanNotes.Tensors;

namespace GanNotes.Benchmarks;

/// <summary>
/// <c>device-check DEVICE</c>: every kernel of a device against the CPU, at the GAN step's own sizes,
/// for a machine that has a GPU but no .NET SDK to run the test suite (a self-contained publish
/// of this program runs there). Each op's values and gradients must agree with the CPU's to
/// 1e-4 relative; then ten steps of the benchmark's GAN must give the CPU's losses to 1e-3.
/// Prints one line per check and the totals, <c>N passed, N failed</c>; exits 1 on a failure.
/// </summary>
/// <remarks>
/// The test suite checks the same kernels on ILGPU's CPU accelerator at small sizes
/// (tests/GanNotes.Tests/Tensors/Backend/Ilgpu); this checks the real device at real sizes, where
/// a GPU's fused multiply-adds and its own exp and log round differently: hence 1e-4, not 1e-5.
/// </remarks>
internal static class DeviceCheck
{
    private const double Tolerance = 1e-4;

    /// <summary>The device named on the command line; <c>ilgpu-cpu</c> is ILGPU's CPU accelerator running the CUDA kernels (slow: a check of this check).</summary>
    public static Device Named(string name) => name == "ilgpu-cpu" ? Device.CudaKernelsOnCpu : Device.Parse(name);

    public static int Run(Device device, ImageDataset images)
    {
        Console.WriteLine(device.Description == device.ToString() ? $"device-check: {device} against cpu" : $"device-check: {device} ({device.Description}) against cpu");
        int passed = 0, failed = 0;
        void Report(string name, double error, double tolerance)
        {
            bool ok = error <= tolerance;
            _ = ok ? passed++ : failed++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(ok ? "ok  " : "FAIL")} {name,-40} max error {error:G3} (tolerance {tolerance:G3})"));
        }

        foreach (var (name, f, shapes) in Cases())
        {
            try
            {
                Report(name, Compare(f, shapes, device), Tolerance);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
            {
                failed++;
                Console.WriteLine($"FAIL {name,-40} {e.GetType().Name}: {e.Message}");
            }
        }

        var cpu = new GanStep(images, GanStep.DefaultBatch, Device.Cpu);
        var onDevice = new GanStep(images, GanStep.DefaultBatch, device);
        double worst = 0;
        for (int i = 0; i < 10; i++)
        {
            var (d, g) = cpu.Step(i);
            var (dd, gd) = onDevice.Step(i);
            worst = Math.Max(worst, Math.Max(Relative(d, dd), Relative(g, gd)));
        }
        Report("GAN step x10, D and G losses", worst, 1e-3);
        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static double Relative(double expected, double actual) => Math.Abs(expected - actual) / Math.Max(1, Math.Abs(expected));

    /// <summary>The largest relative difference between f on the CPU and on the device, over the output and every input's gradient.</summary>
    private static double Compare(Func<Tensor[], Tensor> f, int[][] shapes, Device device)
    {
        var rng = new Rng(2014);
        var inputs = shapes.Select(s =>
        {
            var x = Tensor.Rand(s, rng) * 1.5f + 0.25f; // in [0.25, 1.75): positive for log, sqrt and pow
            var leaf = x.Detach();
            leaf.RequiresGrad = true;
            return leaf;
        }).ToArray();
        var y = f(inputs);
        var w = Tensor.Rand([.. y.Shape], rng) + 0.5f;
        y.Backward(w);

        var moved = inputs.Select(x =>
        {
            var copy = x.Detach().To(device);
            copy.RequiresGrad = true;
            return copy;
        }).ToArray();
        var yDevice = f(moved);
        yDevice.Backward(w.To(device));

        double worst = MaxError(y.ToArray(), yDevice.ToArray());
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Grad is { } grad) // a loss's target gets none
            {
                worst = Math.Max(worst, MaxError(grad.ToArray(), (moved[i].Grad ?? throw new InvalidOperationException($"input {i} has a gradient on the CPU and none on the device")).ToArray()));
            }
        }
        return worst;
    }

    private static double MaxError(float[] expected, float[] actual)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Relative(expected[i], actual[i]));
        }
        return worst;
    }

    private static IEnumerable<(string Name, Func<Tensor[], Tensor> F, int[][] Shapes)> Cases()
    {
        int[] batch = [128, 1024];
        yield return ("exp, log, sqrt, pow, neg", v => v[0].Exp() + v[0].Log() - v[0].Sqrt() + v[0].Pow(1.5f) - v[0], [batch]);
        yield return ("relu, leaky relu, sigmoid, tanh", v => (v[0] - 1f).Relu() + (v[0] - 1f).LeakyRelu(0.2f) + (v[0] - 1f).Sigmoid() + (v[0] - 1f).Tanh(), [batch]);
        yield return ("clamp, affine, reciprocal", v => v[0].Clamp(0.5f, 1.5f) * 3f + 2f / v[0], [batch]);
        yield return ("broadcast add, sub, mul, div", v => ((v[0] + v[1]) * v[1] - v[0] / v[2]), [batch, [1024], [128, 1]]);
        yield return ("sum, mean, sum over a dim", v => v[0].Sum(0) + v[0].Mean(1, keepDim: true).Sum(0) + v[0].Sum(), [batch]);
        yield return ("softmax, log softmax", v => v[0].Softmax(1) + v[0].LogSoftmax(0), [[128, 10]]);
        yield return ("matmul 128x784 by 784x512", v => v[0].MatMul(v[1]), [[128, 784], [784, 512]]);
        yield return ("matmul, both transposed", v => Tensor.MatMul(v[0], true, v[1], true), [[784, 128], [512, 784]]);
        yield return ("linear 1024 to 784 (addmm)", v => Functional.Linear(v[0], v[1], v[2]), [batch, [784, 1024], [784]]);
        yield return ("batch norm, training", v => Tensor.BatchNorm(v[0], v[1], v[2], null, null, 0.1f, 1e-5f), [batch, [1024], [1024]]);
        yield return ("transpose, reshape, cat, index select", v => Tensor.Cat([v[0].T, v[1].Reshape(64, 128)], 0).IndexSelect([3, 1, 3, 0]), [[128, 64], [128, 64]]);
        yield return ("binary cross-entropy", v => Functional.BinaryCrossEntropy(v[0] * 0.5f, v[1] * 0.5f), [[128, 1], [128, 1]]);
        yield return ("binary cross-entropy with logits", v => Functional.BinaryCrossEntropyWithLogits((v[0] - 1f) * 20f, v[1] * 0.5f), [[128, 1], [128, 1]]);
        yield return ("cross-entropy", v => Functional.CrossEntropy(v[0], [.. Enumerable.Range(0, 128).Select(i => i % 10)]), [[128, 10]]);
    }
}
