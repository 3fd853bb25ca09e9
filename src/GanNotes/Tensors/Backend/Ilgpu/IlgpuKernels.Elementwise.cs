using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>Elementwise kernels: one grid-stride loop each, the activations and their gradients fused.</summary>
internal sealed partial class IlgpuKernels
{
    public void Fill(Tensor y, float value) =>
        Kernel(KernelId.Fill, a => a.LoadStreamKernel<ArrayView<float>, int, float>(FillKernel))(owner.Launch(y.NumElements), View(y), y.NumElements, value);

    public void Unary(UnaryOp op, Tensor x, Tensor y) =>
        Kernel(KernelId.Unary, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int>(UnaryKernel))(owner.Launch(y.NumElements), View(x), View(y), y.NumElements, (int)op);

    public void Affine(Tensor x, float scale, float shift, Tensor y) =>
        Kernel(KernelId.Affine, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, float, float>(AffineKernel))(owner.Launch(y.NumElements), View(x), View(y), y.NumElements, scale, shift);

    public void Pow(Tensor x, float exponent, Tensor y) =>
        Kernel(KernelId.Pow, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, float>(PowKernel))(owner.Launch(y.NumElements), View(x), View(y), y.NumElements, exponent);

    public void Clamp(Tensor x, float min, float max, Tensor y) =>
        Kernel(KernelId.Clamp, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, float, float>(ClampKernel))(owner.Launch(y.NumElements), View(x), View(y), y.NumElements, min, max);

    public void Step(Tensor x, float threshold, Tensor y) =>
        Kernel(KernelId.Step, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, float>(StepKernel))(owner.Launch(y.NumElements), View(x), View(y), y.NumElements, threshold);

    public void LeakyRelu(Tensor x, float slope, Tensor y) => LeakyReluBackward(x, slope, x, y);

    public void LeakyReluBackward(Tensor x, float slope, Tensor g, Tensor dx) =>
        Kernel(KernelId.LeakyReluBackward, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, float>(LeakyReluBackwardKernel))(
            owner.Launch(dx.NumElements), View(x), View(g), View(dx), dx.NumElements, slope);

    public void ClampBackward(Tensor x, float min, float max, Tensor g, Tensor dx) =>
        Kernel(KernelId.ClampBackward, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, float, float>(ClampBackwardKernel))(
            owner.Launch(dx.NumElements), View(x), View(g), View(dx), dx.NumElements, min, max);

    public void SigmoidBackward(Tensor y, Tensor g, Tensor dx) =>
        Kernel(KernelId.SigmoidBackward, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(SigmoidBackwardKernel))(
            owner.Launch(dx.NumElements), View(y), View(g), View(dx), dx.NumElements);

    public void TanhBackward(Tensor y, Tensor g, Tensor dx) =>
        Kernel(KernelId.TanhBackward, a => a.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int>(TanhBackwardKernel))(
            owner.Launch(dx.NumElements), View(y), View(g), View(dx), dx.NumElements);

    private static void FillKernel(ArrayView<float> y, int n, float value)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = value;
        }
    }

    private static void UnaryKernel(ArrayView<float> x, ArrayView<float> y, int n, int op)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            float v = x[i];
            y[i] = op switch
            {
                (int)UnaryOp.Neg => -v,
                (int)UnaryOp.Exp => XMath.Exp(v),
                (int)UnaryOp.Log => XMath.Log(v),
                (int)UnaryOp.Sqrt => XMath.Sqrt(v),
                (int)UnaryOp.Relu => v > 0f ? v : 0f,
                (int)UnaryOp.Sigmoid => Sigmoid(v),
                _ => XMath.Tanh(v),
            };
        }
    }

    /// <summary>1 / (1 + e^-x), with e^-x never overflowing to a NaN.</summary>
    private static float Sigmoid(float v) => v >= 0f ? 1f / (1f + XMath.Exp(-v)) : XMath.Exp(v) / (1f + XMath.Exp(v));

    private static void AffineKernel(ArrayView<float> x, ArrayView<float> y, int n, float scale, float shift)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = (x[i] * scale) + shift;
        }
    }

    private static void PowKernel(ArrayView<float> x, ArrayView<float> y, int n, float exponent)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            float v = x[i];
            y[i] = exponent == 2f ? v * v
                : exponent == 1f ? v
                : exponent == 0f ? 1f
                : exponent == -1f ? 1f / v
                : exponent == 0.5f ? XMath.Sqrt(v)
                : XMath.Pow(v, exponent);
        }
    }

    private static void ClampKernel(ArrayView<float> x, ArrayView<float> y, int n, float min, float max)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = XMath.Min(XMath.Max(x[i], min), max);
        }
    }

    private static void StepKernel(ArrayView<float> x, ArrayView<float> y, int n, float threshold)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = x[i] > threshold ? 1f : 0f;
        }
    }

    private static void LeakyReluBackwardKernel(ArrayView<float> x, ArrayView<float> g, ArrayView<float> dx, int n, float slope)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            dx[i] = x[i] > 0f ? g[i] : g[i] * slope;
        }
    }

    private static void ClampBackwardKernel(ArrayView<float> x, ArrayView<float> g, ArrayView<float> dx, int n, float min, float max)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            dx[i] = x[i] >= min && x[i] <= max ? g[i] : 0f;
        }
    }

    private static void SigmoidBackwardKernel(ArrayView<float> y, ArrayView<float> g, ArrayView<float> dx, int n)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            dx[i] = g[i] * (1f - y[i]) * y[i];
        }
    }

    private static void TanhBackwardKernel(ArrayView<float> y, ArrayView<float> g, ArrayView<float> dx, int n)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            dx[i] = g[i] * (1f - (y[i] * y[i]));
        }
    }
}
