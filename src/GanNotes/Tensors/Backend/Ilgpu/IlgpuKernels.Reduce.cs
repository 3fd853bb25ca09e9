using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// Reductions along a dimension, on the (outer, size, inner) view of a shape: one thread per
/// output element walks the reduced dimension, so neighbouring threads read neighbouring columns.
/// </summary>
internal sealed partial class IlgpuKernels
{
    public void SumDim(Tensor x, int dim, Tensor y)
    {
        var (outer, size, inner) = ShapeUtil.AroundDim(x.ShapeArray, dim);
        int n = outer * inner;
        if (n == 0)
        {
            return;
        }
        Kernel(KernelId.SumDim, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int, int>(SumDimKernel))(
            owner.Launch(n), View(x), View(y), n, size, inner);
    }

    public void Softmax(Tensor x, int dim, bool log, Tensor y)
    {
        var (outer, size, inner) = ShapeUtil.AroundDim(x.ShapeArray, dim);
        int n = outer * inner;
        if (n == 0 || size == 0)
        {
            return;
        }
        Kernel(KernelId.Softmax, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int, int, int>(SoftmaxKernel))(
            owner.Launch(n), View(x), View(y), n, size, inner, log ? 1 : 0);
    }

    private static void SumDimKernel(ArrayView<float> x, ArrayView<float> y, int n, int size, int inner)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int start = (i / inner * size * inner) + (i % inner);
            float sum = 0f;
            for (int j = 0; j < size; j++)
            {
                sum += x[start + (j * inner)];
            }
            y[i] = sum;
        }
    }

    private static void SoftmaxKernel(ArrayView<float> x, ArrayView<float> y, int n, int size, int inner, int log)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int start = (i / inner * size * inner) + (i % inner);
            float max = x[start];
            for (int j = 1; j < size; j++)
            {
                max = XMath.Max(max, x[start + (j * inner)]);
            }
            float sum = 0f;
            for (int j = 0; j < size; j++)
            {
                sum += XMath.Exp(x[start + (j * inner)] - max);
            }
            float logSum = XMath.Log(sum);
            for (int j = 0; j < size; j++)
            {
                int at = start + (j * inner);
                y[at] = log != 0 ? x[at] - max - logSum : XMath.Exp(x[at] - max) / sum;
            }
        }
    }
}
