using GanNotes.Data;

namespace GanNotes.Tests.Data;

/// <summary>The IDX reader: both encodings, and one clear one-line error per malformation.</summary>
public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadImages_RawFile_ReturnsDimensionsAndBytes()
    {
        var raw = IdxFixtures.Images(2, 3, 4);
        string path = temp.Write("images.idx", raw);

        var images = IdxReader.ReadImages(path);

        Assert.Equal([2, 3, 4], images.Dimensions);
        Assert.Equal(raw[16..], images.Data);
    }

    [Fact]
    public void ReadImages_GzipWithoutGzName_DetectsCompressionFromContent()
    {
        var raw = IdxFixtures.Images(2, 3, 4);
        string path = temp.Write("images-idx3-ubyte", IdxFixtures.Gzip(raw));

        var images = IdxReader.ReadImages(path);

        Assert.Equal(raw[16..], images.Data);
    }

    [Fact]
    public void ReadLabels_RawFileNamedGz_ReadsRaw()
    {
        string path = temp.Write("labels.gz", IdxFixtures.Labels(3, 1, 4));

        Assert.Equal([3, 1, 4], IdxReader.ReadLabels(path));
    }

    [Fact]
    public void Read_FourDimensions_ReadsAnyRank()
    {
        var data = Enumerable.Range(0, 24).Select(i => (byte)i).ToArray();
        string path = temp.Write("x.idx", IdxFixtures.Idx(0x08, [1, 2, 3, 4], data));

        var array = IdxReader.Read(path);

        Assert.Equal([1, 2, 3, 4], array.Dimensions);
        Assert.Equal(data, array.Data);
    }

    [Fact]
    public void ReadHeader_ShippedFashionMnist_ReadsDimensionsOnly()
    {
        string path = Path.Combine(RepoData.Path, "fashion-mnist", "train-images-idx3-ubyte.gz");

        var header = IdxReader.ReadHeader(path);

        Assert.Equal(IdxReader.ImagesMagicNumber, header.MagicNumber);
        Assert.Equal([60000, 28, 28], header.Dimensions);
        Assert.Equal(60000L * 28 * 28, header.ElementCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_BadMagic_NamesFileAndMagic(bool gzip)
    {
        var bytes = IdxFixtures.Images(1, 2, 2);
        bytes[0] = 0x01;

        var e = ReadImagesFails(gzip ? IdxFixtures.Gzip(bytes) : bytes);

        Assert.Contains("bad magic number 0x01000803: not an IDX file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_FloatElementType_RefusesType()
    {
        var bytes = IdxFixtures.Idx(0x0D, [1, 1, 1], new byte[4]);

        var e = ReadImagesFails(bytes);

        Assert.Contains("unsupported element type 0x0D (float32) in magic number 0x00000D03; only 0x08 (unsigned byte) is supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_LabelFile_RefusesWrongDimensionCount()
    {
        var e = ReadImagesFails(IdxFixtures.Labels(1, 2));

        Assert.Contains("magic number 0x00000801 declares 1 dimension(s); image files need 0x00000803 (3 dimension(s))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabels_ImageFile_RefusesWrongDimensionCount()
    {
        string path = temp.Write("f", IdxFixtures.Images(1, 2, 2));

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("declares 3 dimension(s); label files need 0x00000801 (1 dimension(s))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZeroDimensions_Refused()
    {
        string path = temp.Write("f", [0, 0, 8, 0]);

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Equal($"{path}: magic number 0x00000800 declares 0 dimensions", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_TruncatedData_SaysHowManyBytesAreMissing(bool gzip)
    {
        var bytes = IdxFixtures.Images(2, 2, 2)[..^3];

        var e = ReadImagesFails(gzip ? IdxFixtures.Gzip(bytes) : bytes);

        Assert.Contains("truncated: the header declares 8 data bytes (2 x 2 x 2) but only 5 follow", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_TruncatedHeader_Refused()
    {
        var e = ReadImagesFails(IdxFixtures.Images(2, 2, 2)[..10]);

        Assert.Contains("truncated header: 3 dimension sizes need 12 bytes after the magic number, only 6 follow", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_ShorterThanMagic_Refused()
    {
        var e = ReadImagesFails([0, 0]);

        Assert.Contains("truncated header: 2 byte(s), too short for the 4-byte IDX magic number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_EmptyFile_Refused()
    {
        var e = ReadImagesFails([]);

        Assert.Contains("the file is empty", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_TrailingBytes_Refused(bool gzip)
    {
        byte[] bytes = [.. IdxFixtures.Images(2, 2, 2), 7, 7, 7];

        var e = ReadImagesFails(gzip ? IdxFixtures.Gzip(bytes) : bytes);

        Assert.Contains("3 trailing byte(s) after the 8 data bytes the header declares (2 x 2 x 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_ZeroImages_Refused()
    {
        var e = ReadImagesFails(IdxFixtures.Images(0));

        Assert.Contains("contains no images: the header declares 0 x 28 x 28", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabels_ZeroLabels_Refused()
    {
        string path = temp.Write("f", IdxFixtures.Labels());

        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("contains no labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeDimensions_RefusedBeforeAllocating()
    {
        var e = ReadImagesFails(IdxFixtures.Idx(0x08, [int.MaxValue, 28, 28], []));

        Assert.Contains("more than one array can hold", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SizeAboveInt32_Refused()
    {
        var bytes = IdxFixtures.Idx(0x08, [1], [0]);
        bytes[4] = 0x80;

        string path = temp.Write("f", bytes);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains("dimension 0 has an impossible size 2147483649", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_CorruptGzip_ReportsGzipErrorWithPath()
    {
        var gz = IdxFixtures.Gzip(IdxFixtures.Images(4));
        for (int i = 12; i < gz.Length - 8; i++)
        {
            gz[i] ^= 0x5A;
        }

        var e = ReadImagesFails(gz);

        Assert.IsType<IdxFormatException>(e);
    }

    [Fact]
    public void ReadImages_BadGzipChecksum_SaysDamagedNotTheDecodersText()
    {
        var gz = IdxFixtures.Gzip(IdxFixtures.Images(4, seed: 3));
        gz[^6] ^= 0xFF; // the CRC-32 of the gzip trailer

        var e = ReadImagesFails(gz);

        // .NET's decoder says "unsupported compression method" for a bad CRC.
        Assert.Equal(IdxReader.CorruptGzip, e.Problem);
        Assert.DoesNotContain("compression method", e.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    [Fact]
    public void ReadImages_TruncatedGzip_Refused()
    {
        var gz = IdxFixtures.Gzip(IdxFixtures.Images(4, seed: 3));

        var e = ReadImagesFails(gz[..(gz.Length / 2)]);

        Assert.True(e.Problem.StartsWith("truncated", StringComparison.Ordinal) || e.Problem.StartsWith("corrupt gzip", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void ReadImages_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => IdxReader.ReadImages(temp.Combine("nope.gz")));
    }

    /// <summary>Writes the bytes, expects a refusal, and checks the shared message contract: one line, starting with the path.</summary>
    private IdxFormatException ReadImagesFails(byte[] bytes)
    {
        string path = temp.Write("images-idx3-ubyte.gz", bytes);
        var e = Assert.Throws<IdxFormatException>(() => IdxReader.ReadImages(path));
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(path, e.FilePath);
        return e;
    }
}
