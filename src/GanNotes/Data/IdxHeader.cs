using System.Globalization;

namespace GanNotes.Data;

/// <summary>
/// The header of an IDX file: the magic number's element type and the big-endian size of
/// each dimension.
/// </summary>
/// <remarks>
/// Layout (LeCun, Cortes and Burges, "THE MNIST DATABASE of handwritten digits"): bytes 0-1
/// are zero, byte 2 is the element type (0x08 unsigned byte, 0x09 signed byte, 0x0B int16,
/// 0x0C int32, 0x0D float32, 0x0E float64), byte 3 the number of dimensions d; then d
/// big-endian int32 sizes; then the values, row-major. MNIST labels have magic number
/// 0x00000801, images 0x00000803.
/// </remarks>
/// <param name="ElementType">Byte 2 of the magic number (0x08 for the files this library reads).</param>
/// <param name="Dimensions">The size of each dimension.</param>
public sealed record IdxHeader(byte ElementType, IReadOnlyList<int> Dimensions)
{
    /// <summary>The magic number as it appears in the file, read big-endian.</summary>
    public int MagicNumber => (ElementType << 8) | Dimensions.Count;

    /// <summary>The number of values the header declares: the product of <see cref="Dimensions"/>.</summary>
    public long ElementCount => Product(Dimensions);

    /// <summary>Formats the dimensions as <c>60000 x 28 x 28</c>.</summary>
    public override string ToString() => $"0x{MagicNumber:X8} [{Format(Dimensions)}]";

    internal static long Product(IReadOnlyList<int> dimensions)
    {
        long count = 1;
        foreach (int d in dimensions)
        {
            // Sizes are at most int.MaxValue, so the product saturates instead of wrapping.
            count = count > long.MaxValue / Math.Max(d, 1) ? long.MaxValue : count * d;
        }
        return count;
    }

    internal static string Format(IReadOnlyList<int> dimensions) =>
        string.Join(" x ", dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    internal static string TypeName(byte elementType) => elementType switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "not an IDX type",
    };
}
