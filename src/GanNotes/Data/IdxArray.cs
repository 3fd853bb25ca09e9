namespace GanNotes.Data;

/// <summary>
/// The contents of an unsigned-byte IDX file: its dimensions and its values in row-major
/// order (the last dimension varies fastest).
/// </summary>
/// <remarks>
/// Shapes: MNIST-style label files are [N]; image files are [N, rows, columns], each
/// image stored row by row, one byte per pixel (0 = background).
/// </remarks>
public sealed class IdxArray
{
    private readonly int[] dimensions;

    /// <summary>Wraps <paramref name="data"/> (not copied) with the given dimensions.</summary>
    /// <exception cref="ArgumentException">The data length is not the product of the dimensions.</exception>
    public IdxArray(int[] dimensions, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(data);
        long count = IdxHeader.Product(dimensions);
        if (count != data.Length)
        {
            throw new ArgumentException($"{data.Length} bytes do not fit dimensions {IdxHeader.Format(dimensions)} ({count} values).", nameof(data));
        }
        this.dimensions = (int[])dimensions.Clone();
        Data = data;
    }

    /// <summary>The size of each dimension, e.g. [60000, 28, 28] for the Fashion-MNIST training images.</summary>
    public IReadOnlyList<int> Dimensions => dimensions;

    /// <summary>The values, row-major.</summary>
    public byte[] Data { get; }
}
