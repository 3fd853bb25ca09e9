using System.Buffers.Binary;
using System.Text;
using GanNotes.Data;
using GanNotes.Tensors;

namespace GanNotes.Tests.Data;

public sealed class NpyWriterTests
{
    [Fact]
    public void Write_HeaderDictPaddedTo64AndLittleEndianData()
    {
        var samples = Tensor.FromArray(new float[] { 1.5f, -2f, 3.25f, 0f, 1e-3f, float.MaxValue }, 3, 2);
        byte[] npy = NpyWriter.Write(samples);

        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, npy[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(npy.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64);
        string header = Encoding.ASCII.GetString(npy, 10, headerLength);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", header, StringComparison.Ordinal);
        Assert.EndsWith("\n", header, StringComparison.Ordinal);
        Assert.Equal("", header.TrimEnd('\n').Split('}')[1].Trim(' '));
        var data = Enumerable.Range(0, 6).Select(i => BinaryPrimitives.ReadSingleLittleEndian(npy.AsSpan(10 + headerLength + 4 * i))).ToArray();
        Assert.Equal(samples.ToArray(), data);
        Assert.Equal(10 + headerLength + 24, npy.Length);
    }

    [Fact]
    public void Write_Vector_ShapeIsAOneTuple()
    {
        byte[] npy = NpyWriter.Write(Tensor.FromArray(new float[] { 1f, 2f, 3f }, 3));

        string header = Encoding.ASCII.GetString(npy, 10, BinaryPrimitives.ReadUInt16LittleEndian(npy.AsSpan(8)));
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", header, StringComparison.Ordinal);
    }
}
