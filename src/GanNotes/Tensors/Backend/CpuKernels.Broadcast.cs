using System.Numerics.Tensors;

namespace GanNotes.Tensors.Backend;

/// <summary>Broadcasting binary ops, BroadcastTo and SumTo: an odometer over all but the last dimension, spans on the last.</summary>
internal sealed partial class CpuKernels
{
    public void Binary(BinaryOp op, Tensor a, Tensor b, Tensor y)
    {
        int count = y.NumElements;
        if (count == 0)
        {
            return;
        }
        if (a.NumElements == count && b.NumElements == count)
        {
            Apply(op, a.Span, b.Span, y.Span);
            return;
        }
        var ys = y.ShapeArray;
        int rank = ys.Length;
        var sa = ShapeUtil.BroadcastStrides(a.ShapeArray, ys);
        var sb = ShapeUtil.BroadcastStrides(b.ShapeArray, ys);
        int inner = ys[rank - 1];
        ReadOnlySpan<float> ad = a.Span, bd = b.Span;
        Span<float> yd = y.Span;
        Span<int> index = stackalloc int[rank];
        int offA = 0, offB = 0;
        for (int row = 0; row < count / inner; row++)
        {
            var yRow = yd.Slice(row * inner, inner);
            bool aRow = sa[rank - 1] != 0, bRow = sb[rank - 1] != 0;
            if (aRow && bRow)
            {
                Apply(op, ad.Slice(offA, inner), bd.Slice(offB, inner), yRow);
            }
            else if (aRow)
            {
                ApplyScalarRight(op, ad.Slice(offA, inner), bd[offB], yRow);
            }
            else if (bRow)
            {
                ApplyScalarLeft(op, ad[offA], bd.Slice(offB, inner), yRow);
            }
            else
            {
                yRow.Fill(Apply(op, ad[offA], bd[offB]));
            }
            Advance(index, ys, sa, sb, ref offA, ref offB);
        }
    }

    public void BroadcastTo(Tensor x, Tensor y)
    {
        int count = y.NumElements;
        if (count == 0)
        {
            return;
        }
        var ys = y.ShapeArray;
        int rank = ys.Length;
        var sx = ShapeUtil.BroadcastStrides(x.ShapeArray, ys);
        int inner = ys[rank - 1];
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        Span<int> index = stackalloc int[rank];
        int offX = 0, unused = 0;
        for (int row = 0; row < count / inner; row++)
        {
            var yRow = yd.Slice(row * inner, inner);
            if (sx[rank - 1] != 0)
            {
                xd.Slice(offX, inner).CopyTo(yRow);
            }
            else
            {
                yRow.Fill(xd[offX]);
            }
            Advance(index, ys, sx, sx, ref offX, ref unused);
        }
    }

    public void SumTo(Tensor x, Tensor y)
    {
        y.Span.Clear();
        int count = x.NumElements;
        if (count == 0)
        {
            return;
        }
        var xs = x.ShapeArray;
        int rank = xs.Length;
        var sy = ShapeUtil.BroadcastStrides(y.ShapeArray, xs);
        int inner = xs[rank - 1];
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        Span<int> index = stackalloc int[rank];
        int offY = 0, unused = 0;
        for (int row = 0; row < count / inner; row++)
        {
            var xRow = xd.Slice(row * inner, inner);
            if (sy[rank - 1] != 0)
            {
                var yRow = yd.Slice(offY, inner);
                TensorPrimitives.Add(yRow, xRow, yRow);
            }
            else
            {
                yd[offY] += TensorPrimitives.Sum(xRow);
            }
            Advance(index, xs, sy, sy, ref offY, ref unused);
        }
    }

    /// <summary>Steps the odometer over dimensions 0..rank-2 and moves both offsets by their strides.</summary>
    private static void Advance(Span<int> index, int[] shape, int[] strideA, int[] strideB, ref int offA, ref int offB)
    {
        for (int d = shape.Length - 2; d >= 0; d--)
        {
            index[d]++;
            offA += strideA[d];
            offB += strideB[d];
            if (index[d] < shape[d])
            {
                return;
            }
            offA -= strideA[d] * shape[d];
            offB -= strideB[d] * shape[d];
            index[d] = 0;
        }
    }

    private static void Apply(BinaryOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, y); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, y); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(a, b, y); break;
            case BinaryOp.Div: TensorPrimitives.Divide(a, b, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary op.");
        }
    }

    private static void ApplyScalarRight(BinaryOp op, ReadOnlySpan<float> a, float b, Span<float> y)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, y); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, y); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(a, b, y); break;
            case BinaryOp.Div: TensorPrimitives.Divide(a, b, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary op.");
        }
    }

    private static void ApplyScalarLeft(BinaryOp op, float a, ReadOnlySpan<float> b, Span<float> y)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(b, a, y); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, y); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(b, a, y); break;
            case BinaryOp.Div: TensorPrimitives.Divide(a, b, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary op.");
        }
    }

    private static float Apply(BinaryOp op, float a, float b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.Div => a / b,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary op."),
    };
}
