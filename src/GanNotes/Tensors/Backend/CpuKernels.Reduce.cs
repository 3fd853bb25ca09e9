using System.Buffers;
using System.Numerics.Tensors;

namespace GanNotes.Tensors.Backend;

/// <summary>Reductions along a dimension: sum and (log-)softmax, on the (outer, size, inner) view of a shape.</summary>
internal sealed partial class CpuKernels
{
    public void SumDim(Tensor x, int dim, Tensor y)
    {
        var (outer, size, inner) = ShapeUtil.AroundDim(x.ShapeArray, dim);
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        yd.Clear();
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                yd[o] = TensorPrimitives.Sum(xd.Slice(o * size, size));
                continue;
            }
            var yRow = yd.Slice(o * inner, inner);
            for (int j = 0; j < size; j++)
            {
                TensorPrimitives.Add(yRow, xd.Slice((o * size + j) * inner, inner), yRow);
            }
        }
    }

    /// <summary>
    /// y[i] = the sum of the squares of xs[i], in one read of each tensor: the composed default
    /// (IKernels.Fused.cs) writes every square to a temporary first, and a training step calls this on
    /// all of a player's gradients (<c>GanTrainer.GradientNorm</c>), some 8 MB for the MLP GAN's G.
    /// </summary>
    /// <remarks>
    /// NOTE: bit for bit the default's value, so a run's gradient norms do not change: that one sums
    /// each row (last-dimension slice) with <see cref="TensorPrimitives.Sum{T}(ReadOnlySpan{T})"/> and
    /// adds the row sums in order (SumTo to one element); <see cref="TensorPrimitives.SumOfSquares{T}(ReadOnlySpan{T})"/>
    /// runs the same vectorised aggregation over the rounded squares.
    /// </remarks>
    public void SumsOfSquares(IReadOnlyList<Tensor> xs, Tensor y)
    {
        Span<float> yd = y.Span;
        for (int i = 0; i < xs.Count; i++)
        {
            ReadOnlySpan<float> xd = xs[i].Span;
            int inner = xs[i].Rank == 0 ? 1 : xs[i].ShapeArray[^1];
            float sum = 0f;
            for (int start = 0; inner > 0 && start < xd.Length; start += inner)
            {
                sum += TensorPrimitives.SumOfSquares(xd.Slice(start, inner));
            }
            yd[i] = sum;
        }
    }

    public void Softmax(Tensor x, int dim, bool log, Tensor y)
    {
        var (outer, size, inner) = ShapeUtil.AroundDim(x.ShapeArray, dim);
        if (size == 0)
        {
            return;
        }
        ReadOnlySpan<float> xd = x.Span;
        Span<float> yd = y.Span;
        var rented = ArrayPool<float>.Shared.Rent(2 * size);
        try
        {
            var column = rented.AsSpan(0, size);
            var scratch = rented.AsSpan(size, size);
            for (int o = 0; o < outer; o++)
            {
                for (int i = 0; i < inner; i++)
                {
                    int start = o * size * inner + i;
                    if (inner == 1)
                    {
                        SoftmaxVector(xd.Slice(start, size), yd.Slice(start, size), scratch, log);
                        continue;
                    }
                    for (int j = 0; j < size; j++)
                    {
                        column[j] = xd[start + j * inner];
                    }
                    SoftmaxVector(column, column, scratch, log);
                    for (int j = 0; j < size; j++)
                    {
                        yd[start + j * inner] = column[j];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>Max-subtracted so e^x never overflows; log-softmax never takes the log of a rounded-to-zero probability.</summary>
    private static void SoftmaxVector(ReadOnlySpan<float> x, Span<float> y, Span<float> scratch, bool log)
    {
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, scratch);
        if (log)
        {
            var shifted = scratch;
            TensorPrimitives.Exp(shifted, y);
            float logSum = MathF.Log(TensorPrimitives.Sum(y));
            TensorPrimitives.Subtract(shifted, logSum, y);
        }
        else
        {
            TensorPrimitives.Exp(scratch, y);
            float sum = TensorPrimitives.Sum(y);
            TensorPrimitives.Divide(y, sum, y);
        }
    }
}
