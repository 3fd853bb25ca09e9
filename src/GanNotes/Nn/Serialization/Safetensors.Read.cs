using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace GanNotes.Nn;

public static partial class Safetensors
{
    /// <summary>Bytes per element of every dtype the format defines; only some are readable.</summary>
    private static readonly Dictionary<string, int> DtypeSizes = new(StringComparer.Ordinal)
    {
        ["BOOL"] = 1, ["U8"] = 1, ["I8"] = 1, ["F8_E5M2"] = 1, ["F8_E4M3"] = 1,
        ["I16"] = 2, ["U16"] = 2, ["F16"] = 2, ["BF16"] = 2,
        ["I32"] = 4, ["U32"] = 4, ["F32"] = 4,
        ["F64"] = 8, ["I64"] = 8, ["U64"] = 8,
    };

    private static readonly string[] ReadableDtypes = ["F32", "F64", "F16", "BF16", "I32", "I64"];

    /// <summary>
    /// Reads every tensor of the safetensors file at <paramref name="path"/>, converted to float32.
    /// </summary>
    /// <remarks>
    /// The whole file is validated before any value is decoded: the header length against
    /// the file size, the JSON, each dtype, shape and <c>data_offsets</c> (within the buffer,
    /// matching shape x dtype size, no overlaps, no gaps), and that the data fills the file exactly.
    /// </remarks>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the problem.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static SafetensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes);
        long fileLength = stream.Length;
        if (fileLength < 8)
        {
            throw Invalid(path, $"the file is {Num(fileLength)} bytes, too short for the 8-byte header length.");
        }
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(fileLength - 8))
        {
            throw Invalid(path, $"the header length {Num(headerLength)} is beyond the file size: only {Num(fileLength - 8)} bytes follow the length (the file is {Num(fileLength)} bytes).");
        }
        if (headerLength > MaxHeaderBytes)
        {
            throw Invalid(path, $"the header length {Num(headerLength)} exceeds the limit of {Num(MaxHeaderBytes)} bytes.");
        }
        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var (entries, metadata) = ParseHeader(path, headerBytes);
        long bufferLength = fileLength - 8 - (long)headerLength;
        CheckLayout(path, entries, bufferLength);

        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        var chunk = new byte[ChunkBytes];
        foreach (var entry in entries)
        {
            tensors.Add(entry.Name, new SafetensorsTensor(entry.Shape, Decode(path, stream, entry, chunk), entry.Dtype));
        }
        return new SafetensorsFile(path, [.. entries.Select(e => e.Name)], tensors, metadata);
    }

    /// <summary>A tensor as the header describes it.</summary>
    private sealed record Entry(string Name, string Dtype, int DtypeSize, int[] Shape, long Count, ulong Begin, ulong End);

    private static (List<Entry> Entries, Dictionary<string, string> Metadata) ParseHeader(string path, byte[] headerBytes)
    {
        // NOTE: JsonDocument checks UTF-8 only when a string is read; check it up front.
        if (!Utf8.IsValid(headerBytes))
        {
            throw Invalid(path, "the header is not valid UTF-8.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(headerBytes);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"the header is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, $"the header must be a JSON object, got {root.ValueKind}.");
            }
            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    throw Invalid(path, $"the header names '{property.Name}' twice.");
                }
                if (property.Name == MetadataKey)
                {
                    ParseMetadata(path, property.Value, metadata);
                }
                else
                {
                    entries.Add(ParseEntry(path, property.Name, property.Value));
                }
            }
            return (entries, metadata);
        }
    }

    private static void ParseMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"'{MetadataKey}' must be an object of strings, got {value.ValueKind}.");
        }
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(path, $"'{MetadataKey}' value for '{item.Name}' must be a string, got {item.Value.ValueKind}.");
            }
            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static Entry ParseEntry(string path, string name, JsonElement info)
    {
        if (info.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"the entry for '{name}' must be an object with dtype, shape and data_offsets, got {info.ValueKind}.");
        }
        JsonElement? dtypeJson = null, shapeJson = null, offsetsJson = null;
        foreach (var field in info.EnumerateObject())
        {
            switch (field.Name)
            {
                case "dtype": dtypeJson = field.Value; break;
                case "shape": shapeJson = field.Value; break;
                case "data_offsets": offsetsJson = field.Value; break;
                default: throw Invalid(path, $"the entry for '{name}' has an unknown field '{field.Name}'.");
            }
        }
        if (dtypeJson is not { ValueKind: JsonValueKind.String } dtypeValue)
        {
            throw Invalid(path, $"the entry for '{name}' needs \"dtype\" as a string.");
        }
        string dtype = dtypeValue.GetString()!;
        if (!DtypeSizes.TryGetValue(dtype, out int dtypeSize))
        {
            throw Invalid(path, $"'{name}' has an unknown dtype '{dtype}'.");
        }
        if (!ReadableDtypes.Contains(dtype))
        {
            throw Invalid(path, $"'{name}' has dtype {dtype}, which this reader does not support (supported: {string.Join(", ", ReadableDtypes)}).");
        }

        if (shapeJson is not { ValueKind: JsonValueKind.Array } shapeValue)
        {
            throw Invalid(path, $"the entry for '{name}' needs \"shape\" as an array of sizes.");
        }
        var shape = new int[shapeValue.GetArrayLength()];
        long count = 1;
        int i = 0;
        foreach (var size in shapeValue.EnumerateArray())
        {
            if (size.ValueKind != JsonValueKind.Number || !size.TryGetInt32(out shape[i]) || shape[i] < 0)
            {
                throw Invalid(path, $"the shape of '{name}' must hold non-negative 32-bit integers, got {shapeValue.GetRawText()}.");
            }
            count *= shape[i++];
            if (count > Array.MaxLength)
            {
                throw Invalid(path, $"the shape {shapeValue.GetRawText()} of '{name}' has more elements than an array can hold.");
            }
        }

        if (offsetsJson is not { ValueKind: JsonValueKind.Array } offsetsValue || offsetsValue.GetArrayLength() != 2
            || offsetsValue[0].ValueKind != JsonValueKind.Number || !offsetsValue[0].TryGetUInt64(out ulong begin)
            || offsetsValue[1].ValueKind != JsonValueKind.Number || !offsetsValue[1].TryGetUInt64(out ulong end))
        {
            throw Invalid(path, $"the entry for '{name}' needs \"data_offsets\" as [begin, end], two non-negative integers.");
        }
        return new Entry(name, dtype, dtypeSize, shape, count, begin, end);
    }

    /// <summary>Checks that the tensors tile the data buffer exactly: in range, sized by shape and dtype, no overlap, no gap.</summary>
    private static void CheckLayout(string path, List<Entry> entries, long bufferLength)
    {
        // Readers must not rely on header order (the reference writer sorts by dtype, then name).
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        ulong expected = 0;
        Entry? previous = null;
        foreach (var e in entries)
        {
            string where = $"'{e.Name}' (data_offsets [{Num(e.Begin)}, {Num(e.End)}])";
            if (e.End < e.Begin)
            {
                throw Invalid(path, $"{where} ends before it begins.");
            }
            ulong needed = (ulong)e.Count * (ulong)e.DtypeSize;
            if (e.End - e.Begin != needed)
            {
                throw Invalid(path, $"{where} spans {Num(e.End - e.Begin)} bytes, but dtype {e.Dtype} with shape {SafetensorsTensor.FormatShape(e.Shape)} needs {Num(needed)}.");
            }
            if (e.Begin < expected)
            {
                throw Invalid(path, $"{where} overlaps '{previous!.Name}' (data_offsets [{Num(previous.Begin)}, {Num(previous.End)}]).");
            }
            if (e.Begin > expected)
            {
                throw Invalid(path, $"{where} leaves a gap of {Num(e.Begin - expected)} bytes after the previous tensor; tensors must be packed contiguously.");
            }
            if (e.End > (ulong)bufferLength)
            {
                throw Invalid(path, $"{where} runs past the end of the data: the file is truncated or the offsets are out of range (the data buffer holds {Num(bufferLength)} bytes).");
            }
            expected = e.End;
            previous = e;
        }
        if (expected != (ulong)bufferLength)
        {
            throw Invalid(path, $"the data buffer holds {Num(bufferLength)} bytes, but the header describes only {Num(expected)}; the remaining bytes belong to no tensor.");
        }
    }

    /// <summary>Reads one tensor's bytes (the stream is at its first byte) and widens or narrows them to float32.</summary>
    private static float[] Decode(string path, FileStream stream, Entry entry, byte[] chunk)
    {
        var values = new float[entry.Count];
        int perChunk = chunk.Length / entry.DtypeSize;
        for (int start = 0; start < values.Length; start += perChunk)
        {
            int n = Math.Min(perChunk, values.Length - start);
            var bytes = chunk.AsSpan(0, n * entry.DtypeSize);
            try
            {
                stream.ReadExactly(bytes);
            }
            catch (EndOfStreamException e)
            {
                throw Invalid(path, $"the file ended while reading '{entry.Name}'; it is truncated (or changed while being read).", e);
            }
            var destination = values.AsSpan(start, n);
            switch (entry.Dtype)
            {
                case "F32":
                    for (int i = 0; i < n; i++) { destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]); }
                    break;
                case "F64":
                    for (int i = 0; i < n; i++) { destination[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]); }
                    break;
                case "F16":
                    for (int i = 0; i < n; i++) { destination[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]); }
                    break;
                case "BF16":
                    // bfloat16 is the top half of a float32.
                    for (int i = 0; i < n; i++) { destination[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]) << 16); }
                    break;
                case "I32":
                    for (int i = 0; i < n; i++) { destination[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]); }
                    break;
                case "I64":
                    for (int i = 0; i < n; i++) { destination[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(8 * i)..]); }
                    break;
                default:
                    throw new InvalidOperationException($"Dtype {entry.Dtype} passed validation but has no decoder.");
            }
        }
        return values;
    }

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"{path}: not a valid safetensors file: {problem}", inner);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
