using System.Buffers.Binary;
using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Tests.Data;

public sealed class IdxWriterTests
{
    [Fact]
    public void Images_HeaderAndRoundedPixels()
    {
        var values = new float[2 * 784];
        values[0] = 0.5f;        // 127.5 -> 128 (to even)
        values[1] = 1.7f;        // clamped -> 255
        values[2] = -0.3f;       // clamped -> 0
        values[3] = float.NaN;   // -> 0
        values[784] = 0.2f;      // 51
        byte[] idx = IdxWriter.Images(Tensor.FromArray(values, 2, 28, 28));

        Assert.Equal(IdxReader.ImagesMagicNumber, BinaryPrimitives.ReadInt32BigEndian(idx));
        Assert.Equal([2, 28, 28], [BinaryPrimitives.ReadInt32BigEndian(idx.AsSpan(4)), BinaryPrimitives.ReadInt32BigEndian(idx.AsSpan(8)), BinaryPrimitives.ReadInt32BigEndian(idx.AsSpan(12))]);
        Assert.Equal(16 + 2 * 784, idx.Length);
        Assert.Equal(new byte[] { 128, 255, 0, 0 }, idx[16..20]);
        Assert.Equal(51, idx[16 + 784]);
    }

    [Fact]
    public void Images_NotRankThree_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => IdxWriter.Images(Tensor.FromArray(new float[784], 1, 784)));

        Assert.Contains("[N, rows, columns]", e.Message, StringComparison.Ordinal);
    }
}
