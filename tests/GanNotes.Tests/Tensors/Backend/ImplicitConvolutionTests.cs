using GanNotes.Tensors;
using GanNotes.Tensors.Backend;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Backend;

/// <summary>
/// The CPU's convolutions (CpuKernels.ImplicitConvolution.cs) give the same bits on one thread
/// and on two: each image goes to one worker, and the weight gradient adds its chunks of images
/// in an order fixed by the shapes. (Their values against the window-matrix composition:
/// FusedKernelDefaultsTests; against PyTorch: ConvolutionTests.)
/// </summary>
public sealed class ImplicitConvolutionTests
{
    /// <summary>The DCGAN's layers, and small ones whose weight gradient splits by weight row (one channel) or has one row.</summary>
    public static TheoryData<int, int, int, int, bool> Layers => new()
    {
        // N, C, H (= W), K, transposed
        { 128, 32, 14, 64, false },
        { 128, 1, 28, 32, false },
        { 128, 32, 14, 64, true },
        { 128, 1, 28, 32, true },
        { 40, 6, 9, 1, false },
        { 40, 6, 9, 3, true },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_OneVersusTwoThreads_BitwiseIdentical(int n, int c, int size, int k, bool transposed)
    {
        var one = Run(1, n, c, size, k, transposed);
        var two = Run(2, n, c, size, k, transposed);
        for (int i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], two[i]);
        }
    }

    /// <summary>Output, input gradient and weight gradient of a 4 x 4, stride 2, padding 1 layer on <paramref name="threads"/> threads.</summary>
    private static float[][] Run(int threads, int n, int c, int size, int k, bool transposed)
    {
        int saved = Threading.NumThreads;
        try
        {
            Threading.NumThreads = threads;
            int half = size / 2;
            var x = transposed
                ? TestTensors.Uniform([n, k, half, half], -1f, 1f, seed: 3, requiresGrad: true)
                : TestTensors.Uniform([n, c, size, size], -1f, 1f, seed: 3, requiresGrad: true);
            var weight = TestTensors.Uniform([k, c, 4, 4], -0.2f, 0.2f, seed: 4, requiresGrad: true);
            var y = transposed ? Tensor.ConvTranspose2d(x, weight, stride: 2, padding: 1) : Tensor.Conv2d(x, weight, stride: 2, padding: 1);
            var g = TestTensors.Uniform([.. y.Shape], -1f, 1f, seed: 5, requiresGrad: false);
            (y * g).Sum().Backward();
            return [y.ToArray(), x.Grad!.ToArray(), weight.Grad!.ToArray()];
        }
        finally
        {
            Threading.NumThreads = saved;
        }
    }
}
