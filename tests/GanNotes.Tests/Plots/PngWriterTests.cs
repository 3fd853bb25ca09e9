using System.Text;
using GanNotes.Plots;

namespace GanNotes.Tests.Plots;

public class PngWriterTests
{
    [Fact]
    public void Crc32_CheckString_MatchesPublishedValue()
    {
        // The CRC-32 check value of "123456789" (PNG/zlib/Ethernet polynomial).
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0x414FA339u, Crc32.Compute("The quick brown fox jumps over the lazy dog"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Crc32_RandomBytes_MatchesBitwiseImplementation()
    {
        var random = new Random(5);
        for (int n = 0; n < 300; n += 7)
        {
            var data = new byte[n];
            random.NextBytes(data);
            Assert.Equal(PngTestDecoder.BitwiseCrc32(data), Crc32.Compute(data));
        }
    }

    [Fact]
    public void Crc32_IendChunk_MatchesValueEveryPngCarries()
    {
        // Every PNG ends with IEND and CRC AE 42 60 82.
        Assert.Equal(0xAE426082u, Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));
    }

    [Fact]
    public void Encode_Grayscale_DecodesToSamePixels()
    {
        byte[] pixels = [0, 64, 128, 255, 1, 2];
        var png = PngTestDecoder.Decode(PngWriter.Encode(pixels, 3, 2, PngColorType.Grayscale));
        Assert.Equal((3, 2, 8, 0), (png.Width, png.Height, png.BitDepth, png.ColorType));
        Assert.Equal(["IHDR", "IDAT", "IEND"], png.ChunkTypes);
        Assert.Equal(2 * (1 + 3), png.InflatedLength);
        Assert.All(png.RowFilters, f => Assert.Equal(0, f));
        Assert.Equal(pixels, png.Pixels);
    }

    [Theory]
    [InlineData(PngColorType.Rgb, 2, 3)]
    [InlineData(PngColorType.Rgba, 6, 4)]
    public void Encode_Color_HeaderAndPixelsRoundTrip(PngColorType colorType, int code, int channels)
    {
        int width = 5, height = 4;
        var pixels = new byte[width * height * channels];
        new Random(1).NextBytes(pixels);
        var png = PngTestDecoder.Decode(PngWriter.Encode(pixels, width, height, colorType));
        Assert.Equal((width, height, 8, code), (png.Width, png.Height, png.BitDepth, png.ColorType));
        Assert.Equal(height * (1 + width * channels), png.InflatedLength);
        Assert.Equal(pixels, png.Pixels);
    }

    [Fact]
    public void Encode_WrongPixelCount_ThrowsNamingSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => PngWriter.Encode(new byte[10], 2, 2, PngColorType.Rgb));
        Assert.Contains("12", ex.Message, StringComparison.Ordinal);
        Assert.Contains("10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSize_OwnPng_ReturnsWidthAndHeight()
    {
        Assert.Equal((7, 3), PngWriter.ReadSize(PngWriter.Encode(new byte[21], 7, 3, PngColorType.Grayscale)));
        Assert.Throws<InvalidDataException>(() => PngWriter.ReadSize(new byte[30]));
    }

    [Fact]
    public void Save_NewFolder_WritesDecodablePngAndNoTempFiles()
    {
        var dir = Directory.CreateTempSubdirectory("gannotes-test-");
        try
        {
            string path = Path.Combine(dir.FullName, "sub", "g.png");
            PngWriter.Save(path, [10, 20, 30, 40], 2, 2, PngColorType.Grayscale);
            Assert.Equal([10, 20, 30, 40], PngTestDecoder.Decode(File.ReadAllBytes(path)).Pixels);
            // Overwriting replaces the file whole.
            PngWriter.Save(path, [1, 2, 3, 4, 5, 6], 3, 2, PngColorType.Grayscale);
            Assert.Equal(3, PngTestDecoder.Decode(File.ReadAllBytes(path)).Width);
            Assert.Equal(["g.png"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
