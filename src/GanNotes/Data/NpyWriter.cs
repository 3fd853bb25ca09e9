using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using GanNotes.Tensors;

namespace GanNotes.Data;

/// <summary>Writes float32 tensors as NumPy <c>.npy</c> files, for Python (<c>numpy.load</c>) and any scoring script.</summary>
public static class NpyWriter
{
    /// <summary>
    /// NumPy .npy version 1.0: the magic <c>\x93NUMPY</c>, version 1 0, a little-endian uint16
    /// header length, the header dict <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (N, d), }</c>
    /// padded with spaces to a multiple of 64 bytes and ended by a newline, then the float32
    /// values, little-endian, row-major.
    /// </summary>
    public static byte[] Write(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        string shape = tensor.Rank == 1
            ? string.Create(CultureInfo.InvariantCulture, $"({tensor.Shape[0]},)")
            : "(" + string.Join(", ", tensor.Shape.Select(n => n.ToString(CultureInfo.InvariantCulture))) + ")";
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}";
        int unpadded = 10 + dict.Length + 1;
        int total = (unpadded + 63) / 64 * 64;
        string header = dict + new string(' ', total - unpadded) + "\n";
        var values = tensor.ToArray();
        var bytes = new byte[total + 4L * values.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", bytes.AsSpan(1));
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(total + (4 * i)), values[i]);
        }
        return bytes;
    }
}
