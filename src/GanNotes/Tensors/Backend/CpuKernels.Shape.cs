namespace GanNotes.Tensors.Backend;

/// <summary>Data movement: transpose, concatenation, narrowing, row gather and scatter.</summary>
internal sealed partial class CpuKernels
{
    public void Transpose2D(Tensor x, Tensor y)
    {
        int rows = x.ShapeArray[0], cols = x.ShapeArray[1];
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        const int Block = 32; // tiles keep both reads and writes within cache lines
        for (int r0 = 0; r0 < rows; r0 += Block)
        {
            for (int c0 = 0; c0 < cols; c0 += Block)
            {
                int rEnd = Math.Min(r0 + Block, rows), cEnd = Math.Min(c0 + Block, cols);
                for (int r = r0; r < rEnd; r++)
                {
                    for (int c = c0; c < cEnd; c++)
                    {
                        yd[c * rows + r] = xd[r * cols + c];
                    }
                }
            }
        }
    }

    public void Cat(IReadOnlyList<Tensor> xs, int dim, Tensor y)
    {
        var (outer, total, inner) = ShapeUtil.AroundDim(y.ShapeArray, dim);
        Span<float> yd = y.Span;
        int offset = 0;
        foreach (var x in xs)
        {
            int chunk = x.ShapeArray[dim] * inner;
            ReadOnlySpan<float> xd = x.Span;
            for (int o = 0; o < outer; o++)
            {
                xd.Slice(o * chunk, chunk).CopyTo(yd.Slice(o * total * inner + offset, chunk));
            }
            offset += chunk;
        }
    }

    public void Narrow(Tensor x, int dim, int start, Tensor y)
    {
        var (outer, total, inner) = ShapeUtil.AroundDim(x.ShapeArray, dim);
        int chunk = y.ShapeArray[dim] * inner;
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        for (int o = 0; o < outer; o++)
        {
            xd.Slice(o * total * inner + start * inner, chunk).CopyTo(yd.Slice(o * chunk, chunk));
        }
    }

    public void IndexSelect(Tensor x, ReadOnlySpan<int> index, Tensor y)
    {
        int row = x.ShapeArray[0] == 0 ? 0 : x.NumElements / x.ShapeArray[0];
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        for (int i = 0; i < index.Length; i++)
        {
            xd.Slice(index[i] * row, row).CopyTo(yd.Slice(i * row, row));
        }
    }

    public void IndexAdd(Tensor g, ReadOnlySpan<int> index, Tensor dx)
    {
        int row = dx.ShapeArray[0] == 0 ? 0 : dx.NumElements / dx.ShapeArray[0];
        ReadOnlySpan<float> gd = g.Span;
        Span<float> d = dx.Span;
        for (int i = 0; i < index.Length; i++)
        {
            var target = d.Slice(index[i] * row, row);
            System.Numerics.Tensors.TensorPrimitives.Add(target, gd.Slice(i * row, row), target);
        }
    }

    public void PickColumns(Tensor x, ReadOnlySpan<int> index, Tensor y)
    {
        int cols = x.ShapeArray[1];
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        for (int i = 0; i < index.Length; i++)
        {
            yd[i] = xd[i * cols + index[i]];
        }
    }

    public void ScatterColumns(Tensor g, ReadOnlySpan<int> index, Tensor dx)
    {
        int cols = dx.ShapeArray[1];
        ReadOnlySpan<float> gd = g.Span;
        Span<float> d = dx.Span;
        for (int i = 0; i < index.Length; i++)
        {
            d[i * cols + index[i]] = gd[i];
        }
    }
}
