using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using GanNotes.Gan;
using GanNotes.IO;
using GanNotes.Tensors;

namespace GanNotes.Plots;

/// <summary>
/// Draws samples G(z) from a trained generator and writes them as PNG grids, IDX ubyte files
/// or NumPy .npy arrays, so any tool can look at them or score them. Files are written
/// atomically: a failed export leaves no partial file.
/// </summary>
public static class SampleExport
{
    /// <summary>The IDX magic number of unsigned-byte images [N, rows, columns].</summary>
    public const int IdxImagesMagic = 0x00000803;

    private const int Chunk = 1024;

    /// <summary>
    /// <paramref name="count"/> samples G(z), z drawn from p_z with a generator seeded by
    /// <paramref name="seed"/> (the same seed gives the same samples), in evaluation mode, shape [count, d].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static Tensor Generate(GanTrainer trainer, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var rng = new Tensors.Generator(seed);
        float[]? all = null;
        int d = 0;
        for (int start = 0; start < count; start += Chunk)
        {
            // In chunks, so 60,000 samples do not need 60,000 x 1024 activations at once.
            var part = trainer.Sample(Math.Min(Chunk, count - start), rng).ToArray();
            if (all is null)
            {
                d = part.Length / Math.Min(Chunk, count);
                all = new float[checked(count * d)];
            }
            part.CopyTo(all, start * d);
        }
        return Tensor.FromArray(all!, count, d);
    }

    /// <summary>The format a file name asks for: <c>.png</c>, <c>.npy</c>, or <c>.idx</c>/<c>-ubyte</c>/<c>.idx3-ubyte</c>; null when the extension says nothing.</summary>
    public static SampleFormat? FormatFromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path).ToLowerInvariant();
        return name.EndsWith(".png", StringComparison.Ordinal) ? SampleFormat.Png
            : name.EndsWith(".npy", StringComparison.Ordinal) ? SampleFormat.Npy
            : name.EndsWith(".idx", StringComparison.Ordinal) || name.EndsWith("-ubyte", StringComparison.Ordinal) ? SampleFormat.Idx
            : null;
    }

    /// <summary>Writes <paramref name="samples"/> [N, d] to <paramref name="path"/> in <paramref name="format"/>, atomically.</summary>
    /// <exception cref="ArgumentException">PNG or IDX asked for samples that are not square images (toy data: use npy).</exception>
    public static void Save(Tensor samples, string path, SampleFormat format)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes = format switch
        {
            SampleFormat.Png => ToPng(samples),
            SampleFormat.Idx => ToIdx(samples),
            SampleFormat.Npy => ToNpy(samples),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown sample format: {format}."),
        };
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>An image grid of the samples, about square (columns = ceil(sqrt(N))).</summary>
    public static byte[] ToPng(Tensor images)
    {
        int n = Rows(images, out int d);
        RequireSquare(d, "png");
        return ImageGrid.FromTensor(images, columns: (int)Math.Ceiling(Math.Sqrt(n))).ToPng();
    }

    /// <summary>
    /// IDX unsigned bytes: magic 0x00000803, big-endian N, side, side, then N x side x side pixels,
    /// each round(255 x clamp(x, 0, 1)) (NaN: 0). <paramref name="images"/> is [N, side*side].
    /// </summary>
    public static byte[] ToIdx(Tensor images)
    {
        int n = Rows(images, out int d);
        int side = RequireSquare(d, "idx");
        var values = images.ToArray();
        var bytes = new byte[16 + values.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, IdxImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), n);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), side);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), side);
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            bytes[16 + i] = float.IsNaN(v) ? (byte)0 : (byte)MathF.Round(255f * Math.Clamp(v, 0f, 1f), MidpointRounding.ToEven);
        }
        return bytes;
    }

    /// <summary>
    /// NumPy .npy version 1.0: the magic <c>\x93NUMPY</c>, version 1 0, a little-endian uint16
    /// header length, the header dict <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (N, d), }</c>
    /// padded with spaces to a multiple of 64 bytes and ended by a newline, then the float32
    /// values, little-endian, row-major.
    /// </summary>
    public static byte[] ToNpy(Tensor samples)
    {
        int n = Rows(samples, out int d);
        string dict = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({n}, {d}), }}");
        int unpadded = 10 + dict.Length + 1;
        int total = (unpadded + 63) / 64 * 64;
        string header = dict + new string(' ', total - unpadded) + "\n";
        var values = samples.ToArray();
        var bytes = new byte[total + 4L * values.Length];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", bytes.AsSpan(1));
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(total + 4 * i), values[i]);
        }
        return bytes;
    }

    private static int Rows(Tensor samples, out int d)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Rank != 2 || samples.Shape[0] < 1)
        {
            throw new ArgumentException($"Samples must be a non-empty [N, d] tensor, got shape [{string.Join(", ", samples.Shape)}].", nameof(samples));
        }
        d = samples.Shape[1];
        return samples.Shape[0];
    }

    private static int RequireSquare(int d, string format)
    {
        int side = (int)Math.Round(Math.Sqrt(d));
        return side * side == d && d > 4
            ? side
            : throw new ArgumentException($"{format} holds square images, but these samples are {d}-dimensional points: export them as npy.");
    }
}
