using GanNotes.Tensors;
using GanNotes.Tests.Testing;
using F = GanNotes.Nn.Functional;

namespace GanNotes.Tests.Tensors.Backend.Ilgpu;

/// <summary>
/// The CUDA device's kernels, run on ILGPU's CPU accelerator, against the CPU backend: every op's
/// forward values and its gradients agree within <see cref="Tolerance"/>. Shapes are small: the
/// accelerator emulates each GPU thread.
/// </summary>
/// <remarks>
/// The tolerance, 1e-5 relative (of max(1, |value|)): both backends compute in float32 and most
/// kernels do the same operations in the same order, but sums and products may group terms
/// differently (a product tile accumulates K in steps of the tile), and ILGPU's exp, log and tanh
/// are not .NET's; over these shapes that moves a value by a few float32 ulps, some 1e-6.
/// </remarks>
public sealed class IlgpuKernelsTests
{
    private const double Tolerance = 1e-5;

    private static Device Gpu => Device.CudaKernelsOnCpu;

    /// <summary>
    /// f on CPU leaves and on their copies on the accelerator: the outputs must agree, and so must
    /// the gradients of sum(w * f) for fixed random w, for every input that requires grad.
    /// </summary>
    private static void AssertSameOnBothDevices(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        var y = f(inputs);
        var w = TestTensors.Uniform([.. y.Shape], 0.5f, 1.5f, seed: 2014, requiresGrad: false);
        if (y.RequiresGrad)
        {
            y.Backward(w);
        }

        var onGpu = inputs.Select(x =>
        {
            var copy = x.Detach().To(Gpu);
            copy.RequiresGrad = x.RequiresGrad;
            return copy;
        }).ToArray();
        var yGpu = f(onGpu);
        Assert.Equal(Gpu, yGpu.Device);
        TensorAssert.Close([.. y.Shape], y.ToArray(), yGpu, Tolerance);
        if (!y.RequiresGrad)
        {
            return;
        }
        yGpu.Backward(w.To(Gpu));
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].RequiresGrad)
            {
                Assert.Equal(Gpu, onGpu[i].Grad!.Device);
                TensorAssert.Close([.. inputs[i].Shape], inputs[i].Grad!.ToArray(), onGpu[i].Grad!, Tolerance);
            }
        }
    }

    private static Tensor U(int[] shape, float low, float high, ulong seed, bool grad = true) =>
        TestTensors.Uniform(shape, low, high, seed, grad);

    public static TheoryData<string> ElementwiseOps => [.. ElementwiseCases.Keys];

    private static readonly Dictionary<string, Func<Tensor, Tensor>> ElementwiseCases = new()
    {
        ["neg"] = x => x.Neg(),
        ["exp"] = x => x.Exp(),
        ["log"] = x => x.Log(),
        ["sqrt"] = x => x.Sqrt(),
        ["pow 3"] = x => x.Pow(3f),
        ["pow 2"] = x => x.Pow(2f),
        ["pow -1.5"] = x => x.Pow(-1.5f),
        ["relu"] = x => (x - 1f).Relu(),
        ["leaky relu"] = x => (x - 1f).LeakyRelu(0.2f),
        ["sigmoid"] = x => ((x * 4f) - 4f).Sigmoid(),
        ["tanh"] = x => (x - 1f).Tanh(),
        ["clamp"] = x => x.Clamp(0.5f, 1.5f),
        ["affine"] = x => (3f * x) - 2f,
        ["reciprocal"] = x => 2f / x,
    };

    [Theory]
    [MemberData(nameof(ElementwiseOps))]
    public void ElementwiseOp_OnTheAccelerator_MatchesTheCpu(string op)
    {
        // x in [0.1, 2): positive for log, sqrt and the powers, and both sides of the kinks once shifted.
        AssertSameOnBothDevices(v => ElementwiseCases[op](v[0]), U([5, 7], 0.1f, 2f, seed: 1));
    }

    [Theory]
    [InlineData(new[] { 4, 5 }, new[] { 4, 5 })]
    [InlineData(new[] { 4, 5 }, new[] { 5 })]
    [InlineData(new[] { 4, 1 }, new[] { 1, 5 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 3, 1 })]
    [InlineData(new[] { 3 }, new int[0])]
    public void BroadcastArithmetic_OnTheAccelerator_MatchesTheCpu(int[] shapeA, int[] shapeB)
    {
        var a = U(shapeA, 0.5f, 2f, seed: 2);
        var b = U(shapeB, 0.5f, 2f, seed: 3);

        AssertSameOnBothDevices(v => v[0] + v[1], a, b);
        AssertSameOnBothDevices(v => v[0] - v[1], a.Detach(), b.Detach());
        AssertSameOnBothDevices(v => v[0] * v[1], U(shapeA, 0.5f, 2f, seed: 2), U(shapeB, 0.5f, 2f, seed: 3));
        AssertSameOnBothDevices(v => v[0] / v[1], U(shapeA, 0.5f, 2f, seed: 2), U(shapeB, 0.5f, 2f, seed: 3));
    }

    [Fact]
    public void Reductions_OnTheAccelerator_MatchTheCpu()
    {
        AssertSameOnBothDevices(v => v[0].Sum(), U([3, 4, 5], -1f, 1f, seed: 4));
        AssertSameOnBothDevices(v => v[0].Sum(1), U([3, 4, 5], -1f, 1f, seed: 5));
        AssertSameOnBothDevices(v => v[0].Mean(0, keepDim: true), U([3, 4, 5], -1f, 1f, seed: 6));
        AssertSameOnBothDevices(v => v[0].SumTo([4, 1]), U([3, 4, 5], -1f, 1f, seed: 7));
        AssertSameOnBothDevices(v => v[0].BroadcastTo([3, 4, 5]), U([4, 1], -1f, 1f, seed: 8));
        AssertSameOnBothDevices(v => v[0].Softmax(1), U([4, 6], -3f, 3f, seed: 9));
        AssertSameOnBothDevices(v => v[0].LogSoftmax(0), U([4, 6], -3f, 3f, seed: 10));
    }

    [Theory]
    [InlineData(5, 7, 3)]
    [InlineData(1, 1, 1)]
    [InlineData(17, 9, 33)]
    [InlineData(3, 40, 5)]
    public void Products_OnTheAccelerator_MatchTheCpu(int m, int k, int n)
    {
        // Sizes that are and are not multiples of the tile, both transposes, and addmm's bias row; K = 40 is
        // past the CPU accelerator's longest tiled product, so it checks the untiled kernel there.
        AssertSameOnBothDevices(v => v[0].MatMul(v[1]), U([m, k], -1f, 1f, seed: 11), U([k, n], -1f, 1f, seed: 12));
        AssertSameOnBothDevices(v => Tensor.MatMul(v[0], true, v[1], true), U([k, m], -1f, 1f, seed: 13), U([n, k], -1f, 1f, seed: 14));
        AssertSameOnBothDevices(v => Tensor.AddMatMul(v[2], v[0], false, v[1], true), U([m, k], -1f, 1f, seed: 15), U([n, k], -1f, 1f, seed: 16), U([n], -1f, 1f, seed: 17));
        AssertSameOnBothDevices(v => F.Linear(v[0], v[1], v[2]), U([m, k], -1f, 1f, seed: 18), U([n, k], -1f, 1f, seed: 19), U([n], -1f, 1f, seed: 20));
    }

    [Fact]
    public void ShapeOps_OnTheAccelerator_MatchTheCpu()
    {
        AssertSameOnBothDevices(v => v[0].T, U([3, 5], -1f, 1f, seed: 21));
        AssertSameOnBothDevices(v => v[0].Reshape(5, 3).T, U([3, 5], -1f, 1f, seed: 22));
        AssertSameOnBothDevices(v => Tensor.Cat([v[0], v[1]], 1), U([2, 3, 2], -1f, 1f, seed: 23), U([2, 4, 2], -1f, 1f, seed: 24));
        AssertSameOnBothDevices(v => Tensor.Cat([v[0], v[1]], 0), U([2, 3], -1f, 1f, seed: 25), U([1, 3], -1f, 1f, seed: 26));
        AssertSameOnBothDevices(v => v[0].IndexSelect([3, 0, 3, 1]), U([4, 3], -1f, 1f, seed: 27));
    }

    [Fact]
    public void BatchNorm_ImagesOnTheAccelerator_MatchTheCpuWithoutMovingTheChannels()
    {
        // [N, C, H, W]: the accelerator's kernels index the channels in place, the CPU's go through rows [N * H * W, C].
        var inputs = new[] { U([4, 3, 2, 5], -2f, 3f, seed: 31), U([3], 0.5f, 1.5f, seed: 32), U([3], -1f, 1f, seed: 33) };
        AssertSameOnBothDevices(v => Tensor.BatchNorm(v[0], v[1], v[2], null, null, momentum: 0.1f, eps: 1e-5f), inputs);
        var x = inputs[0].Detach().To(Gpu);
        using var tally = GanNotes.Tensors.Backend.Ilgpu.LaunchTally.Start();
        using (Autograd.NoGrad())
        {
            Tensor.BatchNorm(x, null, null, null, null, momentum: 0.1f, eps: 1e-5f);
        }
        Assert.Equal(2, tally.Counts.Total); // statistics and apply: no permutes
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void BatchNorm_OnTheAccelerator_MatchesTheCpu(bool affine, bool tracked)
    {
        var running = new List<Tensor>();
        Tensor? RunningStat(float fill, Device device)
        {
            if (!tracked)
            {
                return null;
            }
            var t = Tensor.Full([5], fill, device);
            running.Add(t);
            return t;
        }
        var inputs = affine
            ? new[] { U([16, 5], -2f, 3f, seed: 28), U([5], 0.5f, 1.5f, seed: 29), U([5], -1f, 1f, seed: 30) }
            : [U([16, 5], -2f, 3f, seed: 28)];

        AssertSameOnBothDevices(v => Tensor.BatchNorm(v[0], affine ? v[1] : null, affine ? v[2] : null,
            RunningStat(0.5f, v[0].Device), RunningStat(2f, v[0].Device), momentum: 0.1f, eps: 1e-5f), inputs);

        if (tracked)
        {
            // running mean and variance, as updated on each device
            TensorAssert.Close([5], running[0].ToArray(), running[2], Tolerance);
            TensorAssert.Close([5], running[1].ToArray(), running[3], Tolerance);
        }
    }

    [Fact]
    public void Losses_OnTheAccelerator_MatchTheCpu()
    {
        var target = U([6, 1], 0f, 1f, seed: 31, grad: false);
        AssertSameOnBothDevices(v => F.BinaryCrossEntropy(v[0], v[1]), U([6, 1], 0.01f, 0.99f, seed: 32), target);
        AssertSameOnBothDevices(v => F.BinaryCrossEntropyWithLogits(v[0], v[1]), U([6, 1], -30f, 30f, seed: 33), target);
        AssertSameOnBothDevices(v => F.MseLoss(v[0], v[1]), U([6, 1], -1f, 1f, seed: 34), target);
        AssertSameOnBothDevices(v => F.CrossEntropy(v[0], [2, 0, 1, 2]), U([4, 3], -2f, 2f, seed: 35));
    }
    [Fact]
    public void Convolutions_OnTheAccelerator_MatchTheCpu()
    {
        AssertSameOnBothDevices(v => Tensor.Conv2d(v[0], v[1], v[2], stride: 2, padding: 1),
            U([2, 3, 7, 6], -1f, 1f, seed: 40), U([4, 3, 3, 3], -1f, 1f, seed: 41), U([4], -1f, 1f, seed: 42));
        AssertSameOnBothDevices(v => Tensor.ConvTranspose2d(v[0], v[1], v[2], stride: 2, padding: 1, outputPadding: 1),
            U([2, 3, 4, 3], -1f, 1f, seed: 43), U([3, 2, 3, 3], -1f, 1f, seed: 44), U([2], -1f, 1f, seed: 45));
        AssertSameOnBothDevices(v => Tensor.ConvTranspose2d(v[0], v[1], null, stride: 1, padding: 0),
            U([2, 5, 1, 1], -1f, 1f, seed: 46), U([5, 3, 7, 7], -1f, 1f, seed: 47));
    }

    [Fact]
    public void PermuteAndFeatureMapBatchNorm_OnTheAccelerator_MatchTheCpu()
    {
        AssertSameOnBothDevices(v => v[0].Permute(0, 2, 1), U([2, 3, 5], -1f, 1f, seed: 48));
        AssertSameOnBothDevices(v => v[0].Permute(3, 1, 0, 2), U([2, 3, 2, 4], -1f, 1f, seed: 49));
        AssertSameOnBothDevices(v => Tensor.BatchNorm(v[0], v[1], v[2], null, null, 0.1f, 1e-5f),
            U([3, 4, 3, 2], -1f, 1f, seed: 50), U([4], 0.5f, 1.5f, seed: 51), U([4], -1f, 1f, seed: 52));
    }
}
