using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public sealed class PngReaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void DecodeGrayscale_WritersOutput_RoundTrips()
    {
        var pixels = Enumerable.Range(0, 7 * 5).Select(i => (byte)(i * 37 % 256)).ToArray();
        var (width, height, decoded) = PngReader.DecodeGrayscale(PngWriter.Encode(pixels, 7, 5, PngColorType.Grayscale));
        Assert.Equal((7, 5), (width, height));
        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void DecodeGrayscale_EveryRowFilter_UndoesIt()
    {
        // Rows filtered with Sub, Up, Average, Paeth and None in turn, as other PNG writers do.
        const int width = 6, height = 10;
        var rng = new Random(3);
        var pixels = new byte[width * height];
        rng.NextBytes(pixels);
        using var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            int filter = (y + 1) % 5;
            raw.WriteByte((byte)filter);
            for (int x = 0; x < width; x++)
            {
                int a = x > 0 ? pixels[y * width + x - 1] : 0;
                int b = y > 0 ? pixels[(y - 1) * width + x] : 0;
                int c = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1] : 0;
                int p = a + b - c;
                int paeth = Math.Abs(p - a) <= Math.Abs(p - b) && Math.Abs(p - a) <= Math.Abs(p - c) ? a : Math.Abs(p - b) <= Math.Abs(p - c) ? b : c;
                int predictor = filter switch { 1 => a, 2 => b, 3 => (a + b) / 2, 4 => paeth, _ => 0 };
                raw.WriteByte((byte)(pixels[y * width + x] - predictor));
            }
        }

        var (_, _, decoded) = PngReader.DecodeGrayscale(Png(width, height, colorType: 0, raw.ToArray()));

        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void DecodeGrayscale_RgbPng_RefusedNamingTheImage()
    {
        var rgb = PngWriter.Encode(new byte[2 * 2 * 3], 2, 2, PngColorType.Rgb);
        var e = Assert.Throws<InvalidDataException>(() => PngReader.DecodeGrayscale(rgb, "grid.png"));
        Assert.Equal("grid.png is not an 8-bit grayscale, non-interlaced PNG (bit depth 8, colour type 2, interlace 0).", e.Message);
    }

    [Fact]
    public void ImageGridLoad_NotAPng_OneLineErrorNamingTheFile()
    {
        string path = temp.Combine("epoch_001.png");
        File.WriteAllText(path, "not a picture");
        var e = Assert.Throws<InvalidDataException>(() => ImageGrid.Load(path));
        Assert.Equal($"{path} is not a PNG file.", e.Message);
    }

    [Fact]
    public void ImageGridLoad_Shrink2_UndoesScale2()
    {
        var images = GanNotes.Tensors.Tensor.Rand([4, 3, 3], new GanNotes.Tensors.Rng(1));
        string path = temp.Combine("grid.png");
        ImageGrid.FromTensor(images, columns: 2, scale: 2, padding: 2).Save(path);

        var loaded = ImageGrid.Load(path, shrink: 2);

        var atScale1 = ImageGrid.FromTensor(images, columns: 2, scale: 1, padding: 1);
        Assert.Equal((atScale1.Width, atScale1.Height), (loaded.Width, loaded.Height));
        Assert.Equal(atScale1.ToPixels(), loaded.ToPixels());
    }

    private static byte[] Png(int width, int height, byte colorType, byte[] rawRows)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = colorType;
        Chunk(png, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rawRows);
        }
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, PngTestDecoder.BitwiseCrc32(typeAndData));
        png.Write(crc);
    }
}
