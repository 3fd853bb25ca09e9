using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>
/// Up to six sizes or strides, passed to a kernel by value (a kernel takes no arrays). Dimensions
/// are aligned to the right, as NumPy broadcasting aligns them; unused leading ones are size 1.
/// </summary>
internal struct Dims6
{
    public const int MaxRank = 6;

    public int D0, D1, D2, D3, D4, D5;

    public readonly int Get(int i) => i switch { 0 => D0, 1 => D1, 2 => D2, 3 => D3, 4 => D4, _ => D5 };

    /// <summary>The values right-aligned in six slots, the free leading slots set to <paramref name="fill"/>.</summary>
    /// <exception cref="NotSupportedException">More than six dimensions.</exception>
    public static Dims6 From(ReadOnlySpan<int> values, int fill)
    {
        if (values.Length > MaxRank)
        {
            throw new NotSupportedException($"Tensors of rank {values.Length} are not supported on the GPU (at most {MaxRank} dimensions).");
        }
        Span<int> all = [fill, fill, fill, fill, fill, fill];
        values.CopyTo(all[(MaxRank - values.Length)..]);
        return new Dims6 { D0 = all[0], D1 = all[1], D2 = all[2], D3 = all[3], D4 = all[4], D5 = all[5] };
    }
}

/// <summary>Broadcasting binary ops, BroadcastTo and SumTo: each output element finds its inputs by strides.</summary>
internal sealed partial class IlgpuKernels
{
    public void Binary(BinaryOp op, Tensor a, Tensor b, Tensor y)
    {
        int n = y.NumElements;
        if (n == 0)
        {
            return;
        }
        var shape = y.ShapeArray;
        if (a.NumElements == n && b.NumElements == n)
        {
            Kernel(KernelId.BinarySame, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>(BinarySameKernel))(
                owner.Launch(n), View(a), View(b), View(y), n, (int)op);
            return;
        }
        Kernel(KernelId.Binary, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, Dims6, Dims6, Dims6>(BinaryKernel))(
            owner.Launch(n), View(a), View(b), View(y), n, (int)op, Dims6.From(shape, 1),
            Dims6.From(ShapeUtil.BroadcastStrides(a.ShapeArray, shape), 0), Dims6.From(ShapeUtil.BroadcastStrides(b.ShapeArray, shape), 0));
    }

    public void BroadcastTo(Tensor x, Tensor y)
    {
        int n = y.NumElements;
        if (n == 0)
        {
            return;
        }
        var shape = y.ShapeArray;
        Kernel(KernelId.BroadcastTo, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, Dims6, Dims6>(BroadcastToKernel))(
            owner.Launch(n), View(x), View(y), n, Dims6.From(shape, 1), Dims6.From(ShapeUtil.BroadcastStrides(x.ShapeArray, shape), 0));
    }

    public void SumTo(Tensor x, Tensor y)
    {
        int n = y.NumElements;
        if (n == 0)
        {
            return;
        }
        // Each element of y sums the elements of x that broadcast from it: y's coordinates fix the
        // kept dimensions, and the reduced ones (size 1 in y, larger in x) are walked in full.
        var xs = x.ShapeArray;
        int rank = xs.Length;
        var yPadded = new int[rank];
        y.ShapeArray.CopyTo(yPadded, rank - y.Rank);
        for (int d = 0; d < rank - y.Rank; d++)
        {
            yPadded[d] = 1;
        }
        var reduced = new int[rank];
        var xStrides = new int[rank];
        int stride = 1, reducedCount = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            xStrides[d] = stride;
            stride *= xs[d];
            reduced[d] = yPadded[d] == xs[d] ? 1 : xs[d];
            reducedCount *= reduced[d];
        }
        Kernel(KernelId.SumTo, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int, Dims6, Dims6, Dims6>(SumToKernel))(
            owner.Launch(n), View(x), View(y), n, reducedCount, Dims6.From(yPadded, 1), Dims6.From(reduced, 1), Dims6.From(xStrides, 0));
    }

    private static float Apply(int op, float a, float b) => op switch
    {
        (int)BinaryOp.Add => a + b,
        (int)BinaryOp.Sub => a - b,
        (int)BinaryOp.Mul => a * b,
        _ => a / b,
    };

    private static void BinarySameKernel(ArrayView<float> a, ArrayView<float> b, ArrayView<float> y, int n, int op)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = Apply(op, a[i], b[i]);
        }
    }

    /// <summary>The offset of element <paramref name="linear"/> of a row-major <paramref name="shape"/> in a tensor with these <paramref name="strides"/>.</summary>
    private static int Offset(int linear, Dims6 shape, Dims6 strides)
    {
        int offset = 0;
        for (int d = Dims6.MaxRank - 1; d >= 0; d--)
        {
            int size = shape.Get(d);
            offset += linear % size * strides.Get(d);
            linear /= size;
        }
        return offset;
    }

    private static void BinaryKernel(ArrayView<float> a, ArrayView<float> b, ArrayView<float> y, int n, int op, Dims6 shape, Dims6 stridesA, Dims6 stridesB)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = Apply(op, a[Offset(i, shape, stridesA)], b[Offset(i, shape, stridesB)]);
        }
    }

    private static void BroadcastToKernel(ArrayView<float> x, ArrayView<float> y, int n, Dims6 shape, Dims6 strides)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = x[Offset(i, shape, strides)];
        }
    }

    private static void SumToKernel(ArrayView<float> x, ArrayView<float> y, int n, int reducedCount, Dims6 yShape, Dims6 reduced, Dims6 xStrides)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int start = Offset(i, yShape, xStrides);
            float sum = 0f;
            for (int r = 0; r < reducedCount; r++)
            {
                sum += x[start + Offset(r, reduced, xStrides)];
            }
            y[i] = sum;
        }
    }
}
