using System.Buffers.Binary;
using GanNotes.Tensors;

namespace GanNotes.Data;

/// <summary>
/// Writes images as IDX unsigned bytes, the format <see cref="IdxReader"/> reads (MNIST's own):
/// magic <see cref="IdxReader.ImagesMagicNumber"/>, big-endian N, rows and columns, then the
/// pixels row by row.
/// </summary>
public static class IdxWriter
{
    /// <summary>
    /// The bytes of an IDX image file for <paramref name="images"/> [N, rows, columns] of
    /// intensities in [0, 1]: each pixel is round(255 x clamp(x, 0, 1)) (NaN: 0), the inverse of
    /// the reader's x = byte / 255.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="images"/> is not a non-empty [N, rows, columns] tensor.</exception>
    public static byte[] Images(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Rank != 3 || images.Shape.Any(n => n < 1))
        {
            throw new ArgumentException($"IDX images must be a non-empty [N, rows, columns] tensor, got shape [{string.Join(", ", images.Shape)}].", nameof(images));
        }
        var values = images.ToArray();
        var bytes = new byte[16 + values.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, IdxReader.ImagesMagicNumber);
        for (int axis = 0; axis < 3; axis++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * axis)), images.Shape[axis]);
        }
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            bytes[16 + i] = float.IsNaN(v) ? (byte)0 : (byte)MathF.Round(255f * Math.Clamp(v, 0f, 1f), MidpointRounding.ToEven);
        }
        return bytes;
    }
}
