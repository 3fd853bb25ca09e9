using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GanNotes.IO;

namespace GanNotes.Plots;

/// <summary>
/// Encodes 8-bit grayscale, RGB or RGBA pixels as a PNG file (no image package needed).
/// </summary>
/// <remarks>
/// Layout (PNG specification, ISO/IEC 15948): the 8-byte signature, then chunks
/// <c>length (4, big-endian) | type (4) | data | CRC-32 of type and data (4)</c>:
/// IHDR (width, height, bit depth 8, colour type, compression 0, filter 0, interlace 0),
/// one IDAT holding the zlib stream of every row prefixed with filter byte 0 (None), and IEND.
/// </remarks>
public static class PngWriter
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Encodes <paramref name="pixels"/>: row-major, top row first, 1, 3 or 4 bytes per pixel
    /// for <see cref="PngColorType.Grayscale"/>, <see cref="PngColorType.Rgb"/>, <see cref="PngColorType.Rgba"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The pixel count does not match width x height x channels.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int channels = Channels(colorType);
        long rowBytes = (long)width * channels;
        if (pixels.Length != rowBytes * height)
        {
            throw new ArgumentException($"A {width}x{height} {colorType} PNG needs {rowBytes * height} bytes, got {pixels.Length}.", nameof(pixels));
        }

        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;                 // bit depth
        header[9] = (byte)colorType;
        header[10] = 0;                // compression: deflate
        header[11] = 0;                // filter method: adaptive (each row names its filter)
        header[12] = 0;                // no interlace
        WriteChunk(png, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // filter type 0: the row's bytes as they are
                    zlib.Write(pixels.Slice((int)(y * rowBytes), (int)rowBytes));
                }
            }
            WriteChunk(png, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Encodes and writes a PNG file atomically (temporary file, then rename).</summary>
    public static void Save(string path, ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, Encode(pixels, width, height, colorType));
    }

    /// <summary>Bytes per pixel of a colour type.</summary>
    public static int Channels(PngColorType colorType) => colorType switch
    {
        PngColorType.Grayscale => 1,
        PngColorType.Rgb => 3,
        PngColorType.Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "Supported: Grayscale, Rgb, Rgba."),
    };

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PNG.</exception>
    internal static (int Width, int Height) ReadSize(ReadOnlySpan<byte> png)
    {
        if (png.Length < 24 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("The data is not a PNG image (bad signature or no IHDR chunk first).");
        }
        return (BinaryPrimitives.ReadInt32BigEndian(png[16..]), BinaryPrimitives.ReadInt32BigEndian(png[20..]));
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        png.Write(typeBytes);
        png.Write(data);
        // The CRC covers the type and the data, not the length.
        uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, typeBytes), data));
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }
}
