using GanNotes.Tensors;
using GanNotes.Tensors.Backend;
using GanNotes.Tests.Testing;

namespace GanNotes.Tests.Tensors.Backend;

/// <summary>
/// The fused kernels' defaults (IKernels.Fused.cs), composed from the primitives, against the CPU's
/// own fused kernels: a device that implements only the primitives computes the same values.
/// </summary>
public sealed class FusedKernelDefaultsTests
{
    /// <summary>The CPU's primitives and nothing else: every fused kernel takes its default.</summary>
    private sealed class PrimitivesOnly : IKernels
    {
        private static readonly CpuKernels Cpu = CpuKernels.Instance;

        public Storage Allocate(int length, bool zeroed, bool pooled) => Cpu.Allocate(length, zeroed, pooled);

        public void CopyToHost(Tensor x, Span<float> destination) => Cpu.CopyToHost(x, destination);

        public void CopyFromHost(ReadOnlySpan<float> source, Tensor y) => Cpu.CopyFromHost(source, y);

        public void Copy(Tensor x, Tensor y) => Cpu.Copy(x, y);

        public void Fill(Tensor y, float value) => Cpu.Fill(y, value);

        public void Unary(UnaryOp op, Tensor x, Tensor y) => Cpu.Unary(op, x, y);

        public void Affine(Tensor x, float scale, float shift, Tensor y) => Cpu.Affine(x, scale, shift, y);

        public void Pow(Tensor x, float exponent, Tensor y) => Cpu.Pow(x, exponent, y);

        public void Clamp(Tensor x, float min, float max, Tensor y) => Cpu.Clamp(x, min, max, y);

        public void Step(Tensor x, float threshold, Tensor y) => Cpu.Step(x, threshold, y);

        public void Binary(BinaryOp op, Tensor a, Tensor b, Tensor y) => Cpu.Binary(op, a, b, y);

        public void BroadcastTo(Tensor x, Tensor y) => Cpu.BroadcastTo(x, y);

        public void SumTo(Tensor x, Tensor y) => Cpu.SumTo(x, y);

        public void SumDim(Tensor x, int dim, Tensor y) => Cpu.SumDim(x, dim, y);

        public void Softmax(Tensor x, int dim, bool log, Tensor y) => Cpu.Softmax(x, dim, log, y);

        public void MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, bool accumulate) =>
            Cpu.MatMul(a, transposeA, b, transposeB, c, accumulate);

        public void Transpose2D(Tensor x, Tensor y) => Cpu.Transpose2D(x, y);

        public void Cat(IReadOnlyList<Tensor> xs, int dim, Tensor y) => Cpu.Cat(xs, dim, y);

        public void Narrow(Tensor x, int dim, int start, Tensor y) => Cpu.Narrow(x, dim, start, y);

        public void Permute(Tensor x, int[] dims, Tensor y) => Cpu.Permute(x, dims, y);

        public void Im2Col(Tensor x, in ConvGeometry geometry, Tensor cols) => Cpu.Im2Col(x, geometry, cols);

        public void Col2Im(Tensor cols, in ConvGeometry geometry, Tensor x) => Cpu.Col2Im(cols, geometry, x);

        public void IndexSelect(Tensor x, ReadOnlySpan<int> index, Tensor y) => Cpu.IndexSelect(x, index, y);

        public void IndexAdd(Tensor g, ReadOnlySpan<int> index, Tensor dx) => Cpu.IndexAdd(g, index, dx);
    }

    private static readonly IKernels Composed = new PrimitivesOnly();
    private static readonly IKernels Fused = CpuKernels.Instance;

    private static Tensor Values(int[] shape, float low, float high, ulong seed) =>
        TestTensors.Uniform(shape, low, high, seed, requiresGrad: false);

    private static Tensor Empty(params int[] shape) => Tensor.Zeros(shape);

    /// <summary>Runs <paramref name="kernel"/> with both kernel sets on fresh outputs and compares every output.</summary>
    private static void AssertSame(Func<int[][]> outputShapes, Action<IKernels, Tensor[]> kernel, float tolerance = 1e-5f)
    {
        var composed = outputShapes().Select(s => Empty(s)).ToArray();
        var fused = outputShapes().Select(s => Empty(s)).ToArray();
        kernel(Composed, composed);
        kernel(Fused, fused);
        for (int i = 0; i < fused.Length; i++)
        {
            TensorAssert.Close([.. fused[i].Shape], fused[i].ToArray(), composed[i], tolerance);
        }
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void LeakyReluAndItsBackward_Defaults_MatchTheFusedKernels(float slope)
    {
        var x = Values([5, 7], -2f, 2f, seed: 1);
        var g = Values([5, 7], -1f, 1f, seed: 2);

        AssertSame(() => [[5, 7], [5, 7]], (k, o) =>
        {
            k.LeakyRelu(x, slope, o[0]);
            k.LeakyReluBackward(x, slope, g, o[1]);
        });
    }

    [Fact]
    public void ActivationBackwards_Defaults_MatchTheFusedKernels()
    {
        var x = Values([6, 5], -3f, 3f, seed: 3);
        var y = Values([6, 5], 0.05f, 0.95f, seed: 4);
        var g = Values([6, 5], -1f, 1f, seed: 5);

        AssertSame(() => [[6, 5], [6, 5], [6, 5]], (k, o) =>
        {
            k.ClampBackward(x, -1f, 1.5f, g, o[0]);
            k.SigmoidBackward(y, g, o[1]);
            k.TanhBackward(y, g, o[2]);
        });
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void AddMatMul_Default_MatchesTheFusedKernel(bool transposeA, bool transposeB)
    {
        var a = Values(transposeA ? [9, 4] : [4, 9], -1f, 1f, seed: 6);
        var b = Values(transposeB ? [3, 9] : [9, 3], -1f, 1f, seed: 7);
        var bias = Values([3], -1f, 1f, seed: 8);

        AssertSame(() => [[4, 3]], (k, o) => k.AddMatMul(bias, a, transposeA, b, transposeB, o[0]));
    }

    /// <summary>Image-side geometries: padded and strided, 1 x 1, a whole-image window, one output channel, a batch split over workers.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, int> ConvShapes => new()
    {
        // N, C, H, W, K, KH, KW, stride, padding
        { 3, 2, 7, 6, 4, 3, 2, 2, 1 },
        { 2, 3, 5, 5, 2, 1, 1, 1, 0 },
        { 5, 3, 4, 4, 6, 4, 4, 1, 0 },
        { 4, 5, 6, 6, 1, 3, 3, 1, 1 },
        { 33, 8, 14, 14, 16, 4, 4, 2, 1 },
    };

    [Theory]
    [MemberData(nameof(ConvShapes))]
    public void Convolutions_Defaults_MatchTheFusedKernels(int n, int c, int h, int w, int k, int kh, int kw, int stride, int padding)
    {
        var geometry = new ConvGeometry(n, c, h, w, kh, kw, stride, stride, padding, padding);
        int[] image = [n, c, h, w], grid = [n, k, geometry.OH, geometry.OW], weightShape = [k, c, kh, kw];
        var x = Values(image, -1f, 1f, seed: 40);
        var weight = Values(weightShape, -0.5f, 0.5f, seed: 41);
        var gGrid = Values(grid, -1f, 1f, seed: 42);
        var gImage = Values(image, -1f, 1f, seed: 43);
        var xGrid = Values(grid, -1f, 1f, seed: 44);

        AssertSame(() => [grid, image, weightShape, image, grid, weightShape], (kernels, o) =>
        {
            var kept = kernels.Conv2d(x, weight, geometry, o[0], keep: true);
            kernels.Conv2dBackward(x, weight, geometry, kept, gGrid, o[1], o[2]);
            kept = kernels.ConvTranspose2d(xGrid, weight, geometry, o[3], keep: true);
            kernels.ConvTranspose2dBackward(xGrid, weight, geometry, kept, gImage, o[4], o[5]);
        }, tolerance: 1e-4f);

        // What the defaults keep only saves work: without it they recompute the same values.
        AssertSame(() => [grid, weightShape, image, weightShape], (kernels, o) =>
        {
            kernels.Conv2d(x, weight, geometry, o[0], keep: false);
            kernels.Conv2dBackward(x, weight, geometry, null, gGrid, null, o[1]);
            kernels.ConvTranspose2d(xGrid, weight, geometry, o[2], keep: false);
            kernels.ConvTranspose2dBackward(xGrid, weight, geometry, null, gImage, null, o[3]);
        }, tolerance: 1e-4f);
    }

    [Fact]
    public void SumsOfSquares_Default_MatchesTheFusedKernelBitForBit()
    {
        // Rows long enough for the vectorised loops and their tails; a 1-D bias; many rows, as a weight's gradient.
        Tensor[] xs =
        [
            Values([37, 131], -1f, 1f, seed: 20),
            Values([1027], -3f, 3f, seed: 21),
            Values([300, 784], -0.01f, 0.01f, seed: 22),
            Values([2, 3, 5], -1f, 1f, seed: 23),
        ];

        AssertSame(() => [[xs.Length]], (k, o) => k.SumsOfSquares(xs, o[0]), tolerance: 0f);
    }

    [Fact]
    public void PickAndScatterColumns_Defaults_MatchTheFusedKernels()
    {
        var x = Values([4, 6], -1f, 1f, seed: 9);
        var g = Values([4], -1f, 1f, seed: 10);
        int[] index = [5, 0, 3, 3];

        AssertSame(() => [[4], [4, 6]], (k, o) =>
        {
            k.PickColumns(x, index, o[0]);
            k.ScatterColumns(g, index, o[1]);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchNorm_Defaults_MatchTheFusedKernels(bool affine)
    {
        var x = Values([16, 5], -2f, 3f, seed: 11);
        var g = Values([16, 5], -1f, 1f, seed: 12);
        var weight = affine ? Values([5], 0.5f, 1.5f, seed: 13) : null;
        var bias = affine ? Values([5], -1f, 1f, seed: 14) : null;
        var runningMean = new[] { Values([5], -1f, 1f, seed: 15), Values([5], -1f, 1f, seed: 15) };
        var runningVar = new[] { Values([5], 0.5f, 2f, seed: 16), Values([5], 0.5f, 2f, seed: 16) };
        int call = 0;

        AssertSame(() => [[16, 5], [5], [5], [16, 5], [5], [5]], (k, o) =>
        {
            var (rm, rv) = (runningMean[call], runningVar[call]);
            call++;
            k.BatchNormForward(x, weight, bias, 1e-5f, o[0], o[1], o[2], rm, rv, 0.1f);
            k.BatchNormBackward(x, g, o[1], o[2], weight, o[3], affine ? o[4] : null, affine ? o[5] : null);
        }, tolerance: 1e-4f);
        TensorAssert.Close([5], runningMean[1].ToArray(), runningMean[0], 1e-5f);
        TensorAssert.Close([5], runningVar[1].ToArray(), runningVar[0], 1e-5f);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.01f)]
    public void AdamUpdate_Default_MatchesTheFusedKernel(float weightDecay)
    {
        var coefficients = new AdamCoefficients(0.5f, 0.999f, 1e-8f, weightDecay, NegStepSize: -2e-4f / (1 - 0.25f), Bias2Sqrt: MathF.Sqrt(1 - (0.999f * 0.999f)));
        var grad = Values([37], -1f, 1f, seed: 17);

        AssertSame(() => [[37], [37], [37]], (k, o) =>
        {
            Values([37], -1f, 1f, seed: 18).ToArray().CopyTo(o[0].Span);   // the parameter
            Values([37], -0.1f, 0.1f, seed: 19).ToArray().CopyTo(o[1].Span); // m
            Values([37], 0f, 0.01f, seed: 20).ToArray().CopyTo(o[2].Span);   // v
            k.AdamUpdate(o[0], grad, o[1], o[2], coefficients);
        });
    }

    [Theory]
    [InlineData(0f, 0f, false, false, 0f)]
    [InlineData(0.9f, 0f, false, true, 0f)]
    [InlineData(0.9f, 0.1f, false, false, 0.01f)]
    [InlineData(0.9f, 0f, true, false, 0f)]
    public void SgdUpdate_Default_MatchesTheFusedKernel(float momentum, float dampening, bool nesterov, bool firstStep, float weightDecay)
    {
        var coefficients = new SgdCoefficients(0.1f, momentum, dampening, nesterov, weightDecay, firstStep);
        var grad = Values([23], -1f, 1f, seed: 21);

        AssertSame(() => [[23], [23]], (k, o) =>
        {
            Values([23], -1f, 1f, seed: 22).ToArray().CopyTo(o[0].Span);    // the parameter
            Values([23], -0.5f, 0.5f, seed: 23).ToArray().CopyTo(o[1].Span); // the momentum buffer
            k.SgdUpdate(o[0], grad, momentum == 0f ? null : o[1], coefficients);
        });
    }

    [Fact]
    public void BinaryCrossEntropies_Defaults_MatchTheFusedKernels()
    {
        // Probabilities up to the clamps (0 and 1 give log = -inf, clamped at -100), logits of both signs.
        var p = Tensor.FromArray([0f, 1e-7f, 0.2f, 0.5f, 0.9f, 1f], [6]);
        var logits = Tensor.FromArray([-30f, -2f, -0.1f, 0f, 3f, 40f], [6]);
        var target = Tensor.FromArray([0f, 1f, 0.3f, 1f, 0f, 1f], [6]);
        var g = Values([6], -1f, 1f, seed: 24);

        AssertSame(() => [[6], [6], [6], [6]], (k, o) =>
        {
            k.BinaryCrossEntropy(p, target, o[0]);
            k.BinaryCrossEntropyBackward(Tensor.FromArray([1e-3f, 0.2f, 0.5f, 0.7f, 0.9f, 0.999f], [6]), target, g, o[1]);
            k.BinaryCrossEntropyWithLogits(logits, target, o[2]);
            k.BinaryCrossEntropyWithLogitsBackward(logits, target, g, o[3]);
        }, tolerance: 1e-4f);
    }
}
