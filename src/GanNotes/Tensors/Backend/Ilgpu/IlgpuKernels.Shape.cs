using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace GanNotes.Tensors.Backend.Ilgpu;

/// <summary>Data movement: transpose, blocks for concatenation and narrowing, row gather and scatter.</summary>
internal sealed partial class IlgpuKernels
{
    public void Transpose2D(Tensor x, Tensor y)
    {
        int rows = x.ShapeArray[0], cols = x.ShapeArray[1];
        if (rows * cols == 0)
        {
            return;
        }
        Kernel(KernelId.Transpose, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int>(TransposeKernel))(
            owner.Launch(rows * cols), View(x), View(y), rows, cols);
    }

    public void Cat(IReadOnlyList<Tensor> xs, int dim, Tensor y)
    {
        var (outer, total, inner) = ShapeUtil.AroundDim(y.ShapeArray, dim);
        int offset = 0;
        foreach (var x in xs)
        {
            int chunk = x.ShapeArray[dim] * inner;
            CopyBlocks(x, y, outer, chunk, xStride: chunk, xOffset: 0, yStride: total * inner, yOffset: offset);
            offset += chunk;
        }
    }

    public void Narrow(Tensor x, int dim, int start, Tensor y)
    {
        var (outer, total, inner) = ShapeUtil.AroundDim(x.ShapeArray, dim);
        int chunk = y.ShapeArray[dim] * inner;
        CopyBlocks(x, y, outer, chunk, xStride: total * inner, xOffset: start * inner, yStride: chunk, yOffset: 0);
    }

    public void IndexSelect(Tensor x, ReadOnlySpan<int> index, Tensor y)
    {
        int row = x.ShapeArray[0] == 0 ? 0 : x.NumElements / x.ShapeArray[0];
        int n = index.Length * row;
        if (n == 0)
        {
            return;
        }
        Kernel(KernelId.IndexSelect, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int>(IndexSelectKernel))(
            owner.Launch(n), View(x), Upload(index), View(y), n, row);
    }

    public void IndexAdd(Tensor g, ReadOnlySpan<int> index, Tensor dx)
    {
        int row = dx.ShapeArray[0] == 0 ? 0 : dx.NumElements / dx.ShapeArray[0];
        int n = index.Length * row;
        if (n == 0)
        {
            return;
        }
        Kernel(KernelId.IndexAdd, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int>(IndexAddKernel))(
            owner.Launch(n), View(g), Upload(index), View(dx), n, row);
    }

    public void PickColumns(Tensor x, ReadOnlySpan<int> index, Tensor y)
    {
        if (index.Length == 0)
        {
            return;
        }
        Kernel(KernelId.PickColumns, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int>(PickColumnsKernel))(
            owner.Launch(index.Length), View(x), Upload(index), View(y), index.Length, x.ShapeArray[1]);
    }

    public void ScatterColumns(Tensor g, ReadOnlySpan<int> index, Tensor dx)
    {
        if (index.Length == 0)
        {
            return;
        }
        Kernel(KernelId.ScatterColumns, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<int>, ArrayView<float>, int, int>(ScatterColumnsKernel))(
            owner.Launch(index.Length), View(g), Upload(index), View(dx), index.Length, dx.ShapeArray[1]);
    }

    /// <summary>y[o * yStride + yOffset + j] = x[o * xStride + xOffset + j] for j &lt; chunk, every o &lt; outer.</summary>
    private void CopyBlocks(Tensor x, Tensor y, int outer, int chunk, int xStride, int xOffset, int yStride, int yOffset)
    {
        int n = outer * chunk;
        if (n == 0)
        {
            return;
        }
        Kernel(KernelId.CopyBlocks, k => k.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int, int, int, int, int>(CopyBlocksKernel))(
            owner.Launch(n), View(x), View(y), n, chunk, xStride, xOffset, yStride, yOffset);
    }

    private static void TransposeKernel(ArrayView<float> x, ArrayView<float> y, int rows, int cols)
    {
        int n = rows * cols;
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int r = i / cols, c = i % cols;
            y[(c * rows) + r] = x[i];
        }
    }

    private static void CopyBlocksKernel(ArrayView<float> x, ArrayView<float> y, int n, int chunk, int xStride, int xOffset, int yStride, int yOffset)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            int o = i / chunk, j = i % chunk;
            y[(o * yStride) + yOffset + j] = x[(o * xStride) + xOffset + j];
        }
    }

    private static void IndexSelectKernel(ArrayView<float> x, ArrayView<int> index, ArrayView<float> y, int n, int row)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = x[(index[i / row] * row) + (i % row)];
        }
    }

    private static void IndexAddKernel(ArrayView<float> g, ArrayView<int> index, ArrayView<float> dx, int n, int row)
    {
        for (int i = Grid.GlobalIndex.X; i < n; i += GridExtensions.GridStrideLoopStride)
        {
            Atomic.Add(ref dx[(index[i / row] * row) + (i % row)], g[i]); // an index may repeat
        }
    }

    private static void PickColumnsKernel(ArrayView<float> x, ArrayView<int> index, ArrayView<float> y, int rows, int cols)
    {
        for (int i = Grid.GlobalIndex.X; i < rows; i += GridExtensions.GridStrideLoopStride)
        {
            y[i] = x[(i * cols) + index[i]];
        }
    }

    private static void ScatterColumnsKernel(ArrayView<float> g, ArrayView<int> index, ArrayView<float> dx, int rows, int cols)
    {
        for (int i = Grid.GlobalIndex.X; i < rows; i += GridExtensions.GridStrideLoopStride)
        {
            dx[(i * cols) + index[i]] = g[i];
        }
    }
}
