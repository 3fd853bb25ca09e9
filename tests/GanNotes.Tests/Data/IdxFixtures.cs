using System.Buffers.Binary;
using System.IO.Compression;

namespace GanNotes.Tests.Data;

/// <summary>Builds IDX files byte by byte, raw or gzip, for the reader and loader tests.</summary>
internal static class IdxFixtures
{
    /// <summary>The bytes of an IDX file: magic 00 00 type rank, big-endian sizes, then <paramref name="data"/>.</summary>
    public static byte[] Idx(byte type, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        }
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    /// <summary>An unsigned-byte image file [n, rows, cols] whose pixel k is (seed + k) mod 256.</summary>
    public static byte[] Images(int n, int rows = 28, int cols = 28, int seed = 0) =>
        Idx(0x08, [n, rows, cols], Enumerable.Range(0, n * rows * cols).Select(k => (byte)((seed + k) % 256)).ToArray());

    /// <summary>An unsigned-byte label file [labels.Length].</summary>
    public static byte[] Labels(params byte[] labels) => Idx(0x08, [labels.Length], labels);

    /// <summary>Gzip-compresses <paramref name="raw"/>.</summary>
    public static byte[] Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(raw);
        }
        return buffer.ToArray();
    }

    /// <summary>Decompresses <paramref name="path"/> with no help from the library under test.</summary>
    public static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes a complete MNIST-style folder: n train and m test 28 x 28 images with the given labels.</summary>
    public static void WriteMnistFolder(string folder, byte[] trainLabels, byte[] testLabels)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte.gz"), Gzip(Images(trainLabels.Length, seed: 1)));
        File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), Gzip(Labels(trainLabels)));
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), Gzip(Images(testLabels.Length, seed: 2)));
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), Gzip(Labels(testLabels)));
    }
}
