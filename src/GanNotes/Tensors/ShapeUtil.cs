using System.Globalization;

namespace GanNotes.Tensors;

/// <summary>Shape arithmetic and the checks that name both shapes when they disagree.</summary>
internal static class ShapeUtil
{
    public static int NumElements(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int size in shape)
        {
            if (size < 0)
            {
                throw new ArgumentException($"Invalid shape {Format(shape)}: sizes must be >= 0.");
            }
            count *= size;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {Format(shape)} has more elements than an array can hold.");
            }
        }
        return (int)count;
    }

    public static string Format(ReadOnlySpan<int> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        }
        return "[" + string.Join(", ", parts) + "]";
    }

    public static int NormalizeDim(int dim, int rank)
    {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"Dimension {dim} is out of range for a tensor of rank {rank}.");
        }
        return d;
    }

    public static void RequireSameShape(Tensor a, Tensor b, string op)
    {
        if (!a.ShapeArray.AsSpan().SequenceEqual(b.ShapeArray))
        {
            throw new ArgumentException($"{op}: shapes {Format(a.ShapeArray)} and {Format(b.ShapeArray)} must match.");
        }
    }

    /// <summary>NumPy broadcasting: align from the right; sizes must match or be 1.</summary>
    public static int[] Broadcast(int[] a, int[] b, string op)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException($"{op}: shapes {Format(a)} and {Format(b)} cannot be broadcast together (dimension {i}: {da} vs {db}).");
            }
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Row-major strides of <paramref name="shape"/> seen inside <paramref name="outShape"/>, 0 where broadcast.</summary>
    public static int[] BroadcastStrides(int[] shape, int[] outShape)
    {
        var strides = new int[outShape.Length];
        int offset = outShape.Length - shape.Length;
        int stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i + offset] = shape[i] == 1 ? 0 : stride;
            stride *= shape[i];
        }
        return strides;
    }

    /// <summary>Splits a shape around <paramref name="dim"/> into (outer, size, inner) for strided loops.</summary>
    public static (int Outer, int Size, int Inner) AroundDim(int[] shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < dim; i++)
        {
            outer *= shape[i];
        }
        for (int i = dim + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }
        return (outer, shape[dim], inner);
    }
}
