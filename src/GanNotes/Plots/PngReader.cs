using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GanNotes.Plots;

/// <summary>
/// Decodes 8-bit grayscale PNGs, such as the sample grids a run writes, back into pixels:
/// the counterpart of <see cref="PngWriter"/> for <see cref="PngColorType.Grayscale"/>.
/// </summary>
/// <remarks>
/// Reads IHDR and the IDAT chunks, inflates them and undoes the five row filters of the PNG
/// specification (ISO/IEC 15948, section 9), so PNGs from other writers load too. Other colour
/// types, bit depths and interlaced images are refused; CRCs are not checked.
/// </remarks>
public static class PngReader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width, height and gray levels (row-major, one byte per pixel) of an 8-bit grayscale PNG.</summary>
    /// <param name="png">The file's bytes.</param>
    /// <param name="name">Names the image in error messages (e.g. its path).</param>
    /// <exception cref="InvalidDataException">Not a PNG, damaged, or not 8-bit grayscale; the message names the image.</exception>
    public static (int Width, int Height, byte[] Pixels) DecodeGrayscale(byte[] png, string name = "the image")
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{name} is not a PNG file.");
        }
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        int offset = Signature.Length;
        bool ended = false;
        while (!ended)
        {
            if (offset + 12 > png.Length)
            {
                throw new InvalidDataException($"{name} is truncated (no IEND chunk).");
            }
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (length < 0 || offset + 12L + length > png.Length)
            {
                throw new InvalidDataException($"{name} is truncated: a chunk runs past the end of the file.");
            }
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[9] != 0 || data[12] != 0)
                    {
                        throw new InvalidDataException($"{name} is not an 8-bit grayscale, non-interlaced PNG (bit depth {data[8]}, colour type {data[9]}, interlace {data[12]}).");
                    }
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }
            offset += 12 + length;
        }
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"{name} has no valid IHDR chunk.");
        }

        byte[] raw;
        try
        {
            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }
            raw = inflated.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{name}: its image data is damaged ({e.Message}).", e);
        }
        if (raw.Length != (long)height * (width + 1))
        {
            throw new InvalidDataException($"{name}: its image data holds {raw.Length} bytes, not the {(long)height * (width + 1)} of a {width}x{height} image.");
        }

        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (width + 1)];
            var row = raw.AsSpan(y * (width + 1) + 1, width);
            for (int x = 0; x < width; x++)
            {
                int a = x > 0 ? pixels[y * width + x - 1] : 0;
                int b = y > 0 ? pixels[(y - 1) * width + x] : 0;
                int c = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{name}: row {y} has the unknown filter type {filter}."),
                };
                pixels[y * width + x] = (byte)(row[x] + predictor);
            }
        }
        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
