using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GanNotes.Nn;

namespace GanNotes.Tests.Nn.Serialization;

public sealed class SafetensorsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Writes a file by hand: the length prefix, <paramref name="header"/> as UTF-8, then <paramref name="data"/>.</summary>
    private string WriteRaw(string header, byte[] data, ulong? headerLength = null)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + headerBytes.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, headerLength ?? (ulong)headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + headerBytes.Length);
        string path = temp.Combine("raw.safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Write_TwoTensors_LayoutIsWhatPythonReadersExpect()
    {
        string path = temp.Combine("layout.safetensors");
        var a = new SafetensorsTensor([2, 3], [1f, -2f, 3.5f, 0f, float.Epsilon, -0f]);
        var b = new SafetensorsTensor([], [42f]);
        Safetensors.Write(path, [KeyValuePair.Create("a.weight", a), KeyValuePair.Create("b", b)], new Dictionary<string, string> { ["format"] = "pt" });

        // Parse independently of the reader: prefix, header JSON, offsets, little-endian values.
        var bytes = File.ReadAllBytes(path);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0UL, n % 8);
        var header = bytes.AsSpan(8, (int)n);
        int jsonEnd = header.TrimEnd((byte)' ').Length;
        Assert.Equal((byte)'}', header[jsonEnd - 1]);
        Assert.True(n - (ulong)jsonEnd < 8, "At most 7 padding spaces.");
        using var json = JsonDocument.Parse(bytes.AsMemory(8, (int)n));
        var root = json.RootElement;
        Assert.Equal(["__metadata__", "a.weight", "b"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pt", root.GetProperty("__metadata__").GetProperty("format").GetString());

        var aInfo = root.GetProperty("a.weight");
        Assert.Equal("F32", aInfo.GetProperty("dtype").GetString());
        Assert.Equal([2, 3], aInfo.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0L, 24L], aInfo.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        var bInfo = root.GetProperty("b");
        Assert.Equal("F32", bInfo.GetProperty("dtype").GetString());
        Assert.Empty(bInfo.GetProperty("shape").EnumerateArray());
        Assert.Equal([24L, 28L], bInfo.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));

        var data = bytes.AsSpan(8 + (int)n);
        Assert.Equal(28, data.Length);
        Assert.Equal([0x00, 0x00, 0x80, 0x3F], data[..4].ToArray()); // 1.0f, little-endian
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(a.Data[i]), BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]));
        }
        Assert.Equal(42f, BinaryPrimitives.ReadSingleLittleEndian(data[24..]));
    }

    [Fact]
    public void Read_WrittenFile_ReturnsSameTensorsAndMetadata()
    {
        string path = temp.Combine("round.safetensors");
        var values = Enumerable.Range(0, 40_000).Select(i => MathF.Sin(i) * 1e3f).ToArray(); // spans several read chunks
        Safetensors.Write(path, [KeyValuePair.Create("big", new SafetensorsTensor([200, 200], values)), KeyValuePair.Create("empty", new SafetensorsTensor([0, 3], []))], new Dictionary<string, string> { ["note"] = "ünïcode \"quoted\"" });

        var file = Safetensors.Read(path);

        Assert.Equal(["big", "empty"], file.Names);
        Assert.Equal(values, file.Tensors["big"].Data);
        Assert.Equal([200, 200], file.Tensors["big"].Shape);
        Assert.Equal("F32", file.Tensors["big"].Dtype);
        Assert.Equal([0, 3], file.Tensors["empty"].Shape);
        Assert.Equal("ünïcode \"quoted\"", file.Metadata["note"]);
    }

    [Fact]
    public void Read_OtherDtypes_ConvertsToFloat32()
    {
        var data = new List<byte>();
        data.AddRange(BitConverter.GetBytes(3L).Concat(BitConverter.GetBytes(-7L)));                 // I64 [2]: 0..16
        data.AddRange(BitConverter.GetBytes(1.25).Concat(BitConverter.GetBytes(-1e-3)));             // F64 [2]: 16..32
        data.AddRange(BitConverter.GetBytes(123).Concat(BitConverter.GetBytes(-4)));                 // I32 [2]: 32..40
        data.AddRange(BitConverter.GetBytes((Half)0.5f).Concat(BitConverter.GetBytes((Half)(-2f)))); // F16 [2]: 40..44
        data.AddRange([0x80, 0x3F, 0x40, 0xC0]);                                                     // BF16 [2] = 1, -3: 44..48
        // Header order differs from data order on purpose: readers must go by the offsets.
        string header = """
            {"h":{"dtype":"F16","shape":[2],"data_offsets":[40,44]},
             "l":{"dtype":"I64","shape":[2],"data_offsets":[0,16]},
             "bf":{"dtype":"BF16","shape":[1,2],"data_offsets":[44,48]},
             "d":{"dtype":"F64","shape":[2],"data_offsets":[16,32]},
             "i":{"dtype":"I32","shape":[2],"data_offsets":[32,40]}}
            """;
        var file = Safetensors.Read(WriteRaw(header, [.. data]));

        Assert.Equal(["l", "d", "i", "h", "bf"], file.Names);
        Assert.Equal([3f, -7f], file.Tensors["l"].Data);
        Assert.Equal("I64", file.Tensors["l"].Dtype);
        Assert.Equal([1.25f, -1e-3f], file.Tensors["d"].Data);
        Assert.Equal([123f, -4f], file.Tensors["i"].Data);
        Assert.Equal([0.5f, -2f], file.Tensors["h"].Data);
        Assert.Equal([1f, -3f], file.Tensors["bf"].Data);
        Assert.Equal([1, 2], file.Tensors["bf"].Shape);
        Assert.Empty(file.Metadata);
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}""", "not valid JSON")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{"a":{"dtype":"Q7","shape":[2],"data_offsets":[0,8]}}""", "unknown dtype 'Q7'")]
    [InlineData("""{"a":{"dtype":"U8","shape":[8],"data_offsets":[0,8]}}""", "dtype U8, which this reader does not support")]
    [InlineData("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", "spans 8 bytes, but dtype F32 with shape [3] needs 12")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", "ends before it begins")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}""", "'b' (data_offsets [2, 6]) overlaps 'a'")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", "gap of 4 bytes")]
    [InlineData("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]}}""", "runs past the end of the data")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", "describes only 4; the remaining bytes belong to no tensor")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", "non-negative 32-bit integers")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}}""", "needs \"data_offsets\" as [begin, end]")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8],"extra":1}}""", "unknown field 'extra'")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", "names 'a' twice")]
    [InlineData("""{"__metadata__":{"format":1},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", "value for 'format' must be a string")]
    public void Read_MalformedHeader_ThrowsNamingFileAndProblem(string header, string problem)
    {
        string path = WriteRaw(header, new byte[8]);

        var e = Assert.Throws<InvalidDataException>(() => Safetensors.Read(path));

        Assert.StartsWith(path + ": not a valid safetensors file: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderLengthBeyondFileSize_Throws()
    {
        string path = WriteRaw("{}", [], headerLength: 1UL << 40);

        var e = Assert.Throws<InvalidDataException>(() => Safetensors.Read(path));

        Assert.Contains($"{path}: not a valid safetensors file: the header length 1099511627776 is beyond the file size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileShorterThanLengthPrefix_Throws()
    {
        string path = temp.Combine("short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);

        var e = Assert.Throws<InvalidDataException>(() => Safetensors.Read(path));

        Assert.Contains("too short for the 8-byte header length", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8InHeader_Throws()
    {
        string path = temp.Combine("utf8.safetensors");
        byte[] header = [.. "{\"a"u8, 0xFF, .. "\":{}}  "u8];
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)header.Length), .. header]);

        var e = Assert.Throws<InvalidDataException>(() => Safetensors.Read(path));

        Assert.Contains("the header is not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("__metadata__", "reserved")]
    [InlineData("", "empty")]
    public void Write_InvalidName_ThrowsAndWritesNothing(string name, string problem)
    {
        string path = temp.Combine("bad.safetensors");

        var e = Assert.ThrowsAny<ArgumentException>(() => Safetensors.Write(path, [KeyValuePair.Create(name, new SafetensorsTensor([1], [1f]))]));

        Assert.Contains(problem, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Write_DuplicateName_Throws()
    {
        var t = new SafetensorsTensor([1], [1f]);

        var e = Assert.Throws<ArgumentException>(() => Safetensors.Write(temp.Combine("dup.safetensors"), [KeyValuePair.Create("x", t), KeyValuePair.Create("x", t)]));

        Assert.Contains("'x' appears twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DataLengthDiffersFromShape_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new SafetensorsTensor([2, 2], [1f, 2f, 3f]));

        Assert.Contains("3 values do not fit shape [2, 2]", e.Message, StringComparison.Ordinal);
    }
}
