using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using GanNotes.IO;

namespace GanNotes.Nn;

/// <summary>
/// Reads and writes the safetensors format (Hugging Face), the safe, pickle-free way to
/// exchange weights with PyTorch.
/// </summary>
/// <remarks>
/// Layout: 8 bytes little-endian u64 N; N bytes of UTF-8 JSON
/// <c>{"__metadata__": {"format": "pt"}, "0.weight": {"dtype": "F32", "shape": [4, 3], "data_offsets": [0, 48]}, ...}</c>;
/// then the data buffer, little-endian, the tensors packed without gaps. Offsets count from
/// the start of the buffer. Like the reference writer we pad the JSON with spaces so N is a
/// multiple of 8, which keeps the buffer 8-byte aligned for readers that map the file.
/// Specification: https://github.com/huggingface/safetensors (README, "Format").
/// </remarks>
public static partial class Safetensors
{
    /// <summary>The largest header accepted, as in the reference implementation (100 MB).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private const string MetadataKey = "__metadata__";
    private const int ChunkBytes = 1 << 16;

    /// <summary>
    /// Writes <paramref name="tensors"/> as F32, in the order given, with optional
    /// <paramref name="metadata"/>, replacing <paramref name="path"/> atomically.
    /// </summary>
    /// <remarks>
    /// The file is written to a temporary file in the same folder, flushed to disk, then
    /// renamed over <paramref name="path"/>; a failure at any point deletes the temporary file
    /// and leaves an existing <paramref name="path"/> as it was. The folder must exist.
    /// </remarks>
    /// <exception cref="ArgumentException">A name is empty, repeated, or <c>__metadata__</c>.</exception>
    /// <exception cref="IOException">The folder does not exist or the file cannot be written.</exception>
    public static void Write(string path, IEnumerable<KeyValuePair<string, SafetensorsTensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var entries = tensors.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tensor) in entries)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(tensors));
            ArgumentNullException.ThrowIfNull(tensor, nameof(tensors));
            if (name == MetadataKey)
            {
                throw new ArgumentException($"'{MetadataKey}' is reserved for metadata and cannot name a tensor.", nameof(tensors));
            }
            if (!seen.Add(name))
            {
                throw new ArgumentException($"Tensor name '{name}' appears twice.", nameof(tensors));
            }
        }

        var header = BuildHeader(entries, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            var chunk = new byte[ChunkBytes];
            int used = 0;
            foreach (var (_, tensor) in entries)
            {
                foreach (float value in tensor.Data)
                {
                    if (used == chunk.Length)
                    {
                        stream.Write(chunk, 0, used);
                        used = 0;
                    }
                    BinaryPrimitives.WriteSingleLittleEndian(chunk.AsSpan(used), value);
                    used += sizeof(float);
                }
            }
            stream.Write(chunk, 0, used);
        }, createDirectory: false, bufferSize: ChunkBytes);
    }

    /// <summary>The JSON header, padded with spaces to a multiple of 8 bytes.</summary>
    private static byte[] BuildHeader(List<KeyValuePair<string, SafetensorsTensor>> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is not null)
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, tensor) in entries)
            {
                long end = offset + (long)tensor.Data.Length * sizeof(float);
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int size in tensor.Shape)
                {
                    json.WriteNumberValue(size);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        int padded = (buffer.WrittenCount + 7) / 8 * 8;
        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }
}
