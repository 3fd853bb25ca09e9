using System.Globalization;

namespace GanNotes.Nn;

/// <summary>
/// One tensor of a safetensors file: its shape and its values as float32, row-major.
/// </summary>
/// <remarks>
/// <see cref="Dtype"/> is the type the values had in the file (<c>F32</c> for everything
/// GanNotes writes). Other types are converted to float32 on reading: <c>F64</c> is rounded,
/// <c>F16</c> and <c>BF16</c> widen exactly, <c>I32</c> and <c>I64</c> are exact up to
/// 2^24 in magnitude (PyTorch stores BatchNorm's <c>num_batches_tracked</c> as <c>I64</c>).
/// </remarks>
public sealed class SafetensorsTensor
{
    private readonly int[] shape;

    /// <summary>Wraps <paramref name="data"/> (not copied) with <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">A size is negative, or the data length differs from the shape's element count.</exception>
    public SafetensorsTensor(int[] shape, float[] data, string dtype = "F32")
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(dtype);
        long count = 1;
        foreach (int size in shape)
        {
            if (size < 0)
            {
                throw new ArgumentException($"Invalid shape {FormatShape(shape)}: sizes must be >= 0.", nameof(shape));
            }
            count *= size;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} has more elements than an array can hold.", nameof(shape));
            }
        }
        if (count != data.Length)
        {
            throw new ArgumentException($"{data.Length} values do not fit shape {FormatShape(shape)} ({count} elements).", nameof(data));
        }
        this.shape = (int[])shape.Clone();
        Data = data;
        Dtype = dtype;
    }

    /// <summary>The size of each dimension; empty for a 0-d tensor.</summary>
    public IReadOnlyList<int> Shape => shape;

    /// <summary>The values, row-major, as float32.</summary>
    public float[] Data { get; }

    /// <summary>The safetensors dtype the values were stored as (<c>F32</c>, <c>I64</c>, ...).</summary>
    public string Dtype { get; }

    internal int[] ShapeArray => shape;

    /// <summary>A shape as PyTorch-like text, e.g. <c>[4, 3]</c>.</summary>
    internal static string FormatShape(IReadOnlyList<int> shape) =>
        "[" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";
}
