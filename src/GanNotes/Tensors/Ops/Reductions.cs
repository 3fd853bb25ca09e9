namespace GanNotes.Tensors;

/// <summary>Sum and Mean (over everything or along a dimension), BroadcastTo and its adjoint SumTo.</summary>
public sealed partial class Tensor
{
    /// <summary>The sum of all elements, as a 0-dimensional tensor.</summary>
    public Tensor Sum() => SumTo([]);

    /// <summary>
    /// The sum of the squares of each tensor's elements, as a 1-D tensor of xs.Count values (PyTorch's
    /// <c>_foreach_norm</c>, squared), in as few launches as the device can. Not recorded.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty, or its tensors are not all on one device.</exception>
    internal static Tensor SumsOfSquares(IReadOnlyList<Tensor> xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Count == 0)
        {
            throw new ArgumentException("SumsOfSquares: the list is empty.", nameof(xs));
        }
        foreach (var x in xs)
        {
            RequireSameDevice(xs[0], x, "SumsOfSquares");
        }
        var y = Uninitialized([xs.Count], xs[0].Device);
        xs[0].Kernels.SumsOfSquares(xs, y);
        return y;
    }

    /// <summary>The sum along <paramref name="dim"/>; the dimension is kept with size 1 when <paramref name="keepDim"/>.</summary>
    public Tensor Sum(int dim, bool keepDim = false)
    {
        var x = this;
        int d = ShapeUtil.NormalizeDim(dim, Rank);
        var kept = (int[])shape.Clone();
        kept[d] = 1;
        var y = Uninitialized(keepDim ? kept : Removed(shape, d), Device);
        Kernels.SumDim(x, d, y);
        // d(sum)/dx_i = 1: every element receives the gradient of its sum.
        return Autograd.Record(y, "SumBackward", [x], g => [g.Reshape(kept).BroadcastTo(x.shape)]);
    }

    /// <summary>The mean of all elements, as a 0-dimensional tensor.</summary>
    public Tensor Mean() => NumElements == 0
        ? throw new InvalidOperationException("Mean() of an empty tensor is undefined.")
        : Sum() * (1f / NumElements);

    /// <summary>The mean along <paramref name="dim"/>.</summary>
    public Tensor Mean(int dim, bool keepDim = false)
    {
        int n = Size(dim);
        return n == 0
            ? throw new InvalidOperationException($"Mean({dim}) over an empty dimension is undefined.")
            : Sum(dim, keepDim) * (1f / n);
    }

    /// <summary>Repeats this tensor along its size-1 (or missing leading) dimensions to <paramref name="targetShape"/> (PyTorch's <c>expand</c>, copied).</summary>
    public Tensor BroadcastTo(int[] targetShape)
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        if (shape.AsSpan().SequenceEqual(targetShape))
        {
            return this;
        }
        RequireBroadcastable(shape, targetShape, "BroadcastTo");
        var x = this;
        var y = Uninitialized((int[])targetShape.Clone(), Device);
        Kernels.BroadcastTo(x, y);
        return Autograd.Record(y, "ExpandBackward", [x], g => [g.SumTo(x.shape)]); // adjoint of a copy is a sum
    }

    /// <summary>Sums over the dimensions along which <paramref name="targetShape"/> would broadcast to this shape; the adjoint of <see cref="BroadcastTo"/>.</summary>
    public Tensor SumTo(int[] targetShape)
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        if (shape.AsSpan().SequenceEqual(targetShape))
        {
            return this;
        }
        RequireBroadcastable(targetShape, shape, "SumTo");
        var x = this;
        var y = Uninitialized((int[])targetShape.Clone(), Device);
        Kernels.SumTo(x, y);
        return Autograd.Record(y, "SumBackward", [x], g => [g.BroadcastTo(x.shape)]); // d(sum)/dx_i = 1
    }

    private static void RequireBroadcastable(int[] from, int[] to, string op)
    {
        bool ok = from.Length <= to.Length;
        for (int i = 1; ok && i <= from.Length; i++)
        {
            int f = from[^i], t = to[^i];
            ok = f == t || f == 1;
        }
        if (!ok)
        {
            throw new ArgumentException($"{op}: shape {ShapeUtil.Format(from)} cannot be broadcast to {ShapeUtil.Format(to)}.");
        }
    }

    private static int[] Removed(int[] shape, int dim)
    {
        var result = new int[shape.Length - 1];
        for (int i = 0, j = 0; i < shape.Length; i++)
        {
            if (i != dim)
            {
                result[j++] = shape[i];
            }
        }
        return result;
    }
}
