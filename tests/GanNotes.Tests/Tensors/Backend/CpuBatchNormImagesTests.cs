using GanNotes.Tensors;
using GanNotes.Tensors.Backend;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Backend;

/// <summary>
/// The CPU's batch norm of images [N, C, *] read in place (CpuKernels.BatchNormImages.cs) against
/// the [N, C] kernel run on the channels-last copy (<see cref="ChannelsLast"/>): every output
/// bitwise equal, at one and at two threads.
/// </summary>
public sealed class CpuBatchNormImagesTests
{
    private static readonly IKernels Cpu = CpuKernels.Instance;

    /// <summary>
    /// Odd shapes: P = 7 and P = 1 (the shapes below the split threshold run on one thread),
    /// and 7 x 5 x 43 x 47 = 70,735 values, enough for two parts, 5 channels split 2 and 3.
    /// </summary>
    public static TheoryData<int[], bool, bool, bool> Cases()
    {
        var data = new TheoryData<int[], bool, bool, bool>();
        foreach (int[] shape in new[] { new[] { 3, 5, 7 }, [3, 5, 1, 1], [3, 5, 1], [7, 5, 43, 47] })
        {
            foreach (var (weight, bias, running) in new[] { (true, true, true), (false, false, false), (true, false, true), (false, true, false) })
            {
                data.Add(shape, weight, bias, running);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackward_Images_BitwiseEqualToTheRowsKernel(int[] shape, bool hasWeight, bool hasBias, bool running)
    {
        int c = shape[1];
        // Far from zero mean, so a one-pass variance would show.
        var x = TestTensors.Uniform(shape, 2f, 5f, seed: 31, requiresGrad: false);
        var g = TestTensors.Uniform(shape, -1f, 1f, seed: 32, requiresGrad: false);
        var weight = hasWeight ? TestTensors.Uniform([c], 0.5f, 1.5f, seed: 33, requiresGrad: false) : null;
        var bias = hasBias ? TestTensors.Uniform([c], -1f, 1f, seed: 34, requiresGrad: false) : null;

        float[][]? first = null;
        int saved = Threading.NumThreads;
        try
        {
            foreach (int threads in new[] { 1, 2 })
            {
                Threading.NumThreads = threads;
                var images = Run(shape, x, g, weight, bias, running, throughRows: false);
                var rows = Run(shape, x, g, weight, bias, running, throughRows: true);
                for (int i = 0; i < rows.Length; i++)
                {
                    Assert.Equal(rows[i], images[i]);
                }
                first ??= images;
                for (int i = 0; i < first.Length; i++)
                {
                    Assert.Equal(first[i], images[i]);
                }
            }
        }
        finally
        {
            Threading.NumThreads = saved;
        }
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, true, true)]
    public void Backward_SomeGradientsOnly_BitwiseEqualToTheRowsKernel(bool wantDx, bool wantDWeight, bool wantDBias)
    {
        int[] shape = [7, 5, 43, 47];
        var x = TestTensors.Uniform(shape, -3f, 1f, seed: 41, requiresGrad: false);
        var g = TestTensors.Uniform(shape, -1f, 1f, seed: 42, requiresGrad: false);
        var weight = TestTensors.Uniform([5], 0.5f, 1.5f, seed: 43, requiresGrad: false);
        var (mean, invStd, y) = (Tensor.Zeros([5]), Tensor.Zeros([5]), Tensor.Zeros(shape));
        Cpu.BatchNormForward(x, weight, null, 1e-5f, y, mean, invStd, null, null, 0.1f);

        var images = Gradients(throughRows: false);
        var rows = Gradients(throughRows: true);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], images[i]);
        }

        float[][] Gradients(bool throughRows)
        {
            var (dx, dWeight, dBias) = (Tensor.Full(shape, -7f), Tensor.Full([5], -7f), Tensor.Full([5], -7f));
            var (dxOrNull, dWeightOrNull, dBiasOrNull) = (wantDx ? dx : null, wantDWeight ? dWeight : null, wantDBias ? dBias : null);
            if (throughRows)
            {
                ChannelsLast.BatchNormBackward(Cpu, x, g, mean, invStd, weight, dxOrNull, dWeightOrNull, dBiasOrNull);
            }
            else
            {
                Cpu.BatchNormBackward(x, g, mean, invStd, weight, dxOrNull, dWeightOrNull, dBiasOrNull);
            }
            return [dx.ToArray(), dWeight.ToArray(), dBias.ToArray()]; // the ones not asked for stay -7
        }
    }

    /// <summary>
    /// The forward (y, mean, invStd, running mean and variance), then the backward of all three
    /// gradients, through the image kernels or through the rows kernel on the channels-last copy;
    /// every output as an array.
    /// </summary>
    private static float[][] Run(int[] shape, Tensor x, Tensor g, Tensor? weight, Tensor? bias, bool running, bool throughRows)
    {
        int c = shape[1];
        var (y, mean, invStd) = (Tensor.Zeros(shape), Tensor.Zeros([c]), Tensor.Zeros([c]));
        var (dx, dWeight, dBias) = (Tensor.Zeros(shape), Tensor.Zeros([c]), Tensor.Zeros([c]));
        var runningMean = running ? TestTensors.Uniform([c], -1f, 1f, seed: 35, requiresGrad: false) : null;
        var runningVar = running ? TestTensors.Uniform([c], 0.5f, 2f, seed: 36, requiresGrad: false) : null;
        if (throughRows)
        {
            ChannelsLast.BatchNormForward(Cpu, x, weight, bias, 1e-5f, y, mean, invStd, runningMean, runningVar, 0.1f);
            ChannelsLast.BatchNormBackward(Cpu, x, g, mean, invStd, weight, dx, dWeight, dBias);
        }
        else
        {
            Cpu.BatchNormForward(x, weight, bias, 1e-5f, y, mean, invStd, runningMean, runningVar, 0.1f);
            Cpu.BatchNormBackward(x, g, mean, invStd, weight, dx, dWeight, dBias);
        }
        return [y.ToArray(), mean.ToArray(), invStd.ToArray(), dx.ToArray(), dWeight.ToArray(), dBias.ToArray(),
            runningMean?.ToArray() ?? [], runningVar?.ToArray() ?? []];
    }
}
