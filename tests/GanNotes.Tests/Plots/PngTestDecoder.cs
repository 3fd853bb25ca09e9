using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GanNotes.Tests.Plots;

/// <summary>A decoded 8-bit PNG: header fields, the raw filter byte of every row, and the unfiltered pixels.</summary>
internal sealed record DecodedPng(
    int Width, int Height, int BitDepth, int ColorType, int Channels,
    IReadOnlyList<string> ChunkTypes, int InflatedLength, byte[] RowFilters, byte[] Pixels)
{
    /// <summary>The bytes of pixel (x, y).</summary>
    public ReadOnlySpan<byte> Pixel(int x, int y) => Pixels.AsSpan((y * Width + x) * Channels, Channels);
}

/// <summary>
/// An independent PNG reader for the tests: checks the signature and every chunk's CRC with a
/// bitwise CRC-32 (no table, unlike the library's), inflates IDAT and undoes all five row filters
/// (Chromium's screenshots use them; the library writes filter 0 only).
/// </summary>
internal static class PngTestDecoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }
        return ~crc;
    }

    public static DecodedPng Decode(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "PNG signature");
        var types = new List<string>();
        using var idat = new MemoryStream();
        int width = 0, height = 0, bitDepth = 0, colorType = -1;
        int offset = 8;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            uint storedCrc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.True(storedCrc == BitwiseCrc32(typeAndData), $"CRC of chunk {type} at byte {offset}");
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
                Assert.Equal(0, data[10]); // compression
                Assert.Equal(0, data[11]); // filter method
                Assert.Equal(0, data[12]); // interlace
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            types.Add(type);
            offset += 12 + length;
        }
        Assert.Equal(png.Length, offset);
        Assert.Equal("IHDR", types[0]);
        Assert.Equal("IEND", types[^1]);
        Assert.Equal(8, bitDepth);
        int channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"colour type {colorType}") };

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        byte[] raw = inflated.ToArray();
        int stride = width * channels;
        Assert.Equal(height * (1 + stride), raw.Length);

        var pixels = new byte[height * stride];
        var filters = new byte[height];
        for (int y = 0; y < height; y++)
        {
            filters[y] = raw[y * (1 + stride)];
            Unfilter(filters[y], raw.AsSpan(y * (1 + stride) + 1, stride), pixels, y, stride, channels);
        }
        return new DecodedPng(width, height, bitDepth, colorType, channels, types, raw.Length, filters, pixels);
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> row, byte[] pixels, int y, int stride, int bpp)
    {
        int start = y * stride;
        for (int i = 0; i < stride; i++)
        {
            int a = i >= bpp ? pixels[start + i - bpp] : 0;
            int b = y > 0 ? pixels[start - stride + i] : 0;
            int c = i >= bpp && y > 0 ? pixels[start - stride + i - bpp] : 0;
            int predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException($"filter {filter}"),
            };
            pixels[start + i] = (byte)(row[i] + predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
