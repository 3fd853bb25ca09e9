using System.Buffers.Binary;
using System.Text;
using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Tensors;
using GanNotes.Tests.Gan;

namespace GanNotes.Tests.Plots;

public sealed class SampleExportTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static Tensor Images(int n) =>
        Tensor.FromArray([.. Enumerable.Range(0, n * 784).Select(i => (i % 784) / 783f)], n, 784);

    [Fact]
    public void ToIdx_HeaderAndRoundedPixels()
    {
        var values = new float[2 * 784];
        values[0] = 0.5f;        // 127.5 -> 128 (to even)
        values[1] = 1.7f;        // clamped -> 255
        values[2] = -0.3f;       // clamped -> 0
        values[3] = float.NaN;   // -> 0
        values[784] = 0.2f;      // 51
        byte[] idx = SampleExport.ToIdx(Tensor.FromArray(values, 2, 784));

        Assert.Equal(0x00000803, BinaryPrimitives.ReadInt32BigEndian(idx));
        Assert.Equal([2, 28, 28], [BinaryPrimitives.ReadInt32BigEndian(idx.AsSpan(4)), BinaryPrimitives.ReadInt32BigEndian(idx.AsSpan(8)), BinaryPrimitives.ReadInt32BigEndian(idx.AsSpan(12))]);
        Assert.Equal(16 + 2 * 784, idx.Length);
        Assert.Equal(new byte[] { 128, 255, 0, 0 }, idx[16..20]);
        Assert.Equal(51, idx[16 + 784]);
    }

    [Fact]
    public void Save_Idx_ReadBackByTheLibrarysIdxReader()
    {
        string path = temp.Combine("fake-images-idx3-ubyte");
        var images = Images(3);
        SampleExport.Save(images, path, SampleExport.FormatFromPath(path)!.Value);

        var read = IdxReader.ReadImages(path);
        Assert.Equal([3, 28, 28], read.Dimensions);
        Assert.Equal(images.ToArray().Select(v => (byte)MathF.Round(255 * v, MidpointRounding.ToEven)), read.Data);
    }

    [Fact]
    public void ToNpy_HeaderDictPaddedTo64AndLittleEndianData()
    {
        var samples = Tensor.FromArray(new float[] { 1.5f, -2f, 3.25f, 0f, 1e-3f, float.MaxValue }, 3, 2);
        byte[] npy = SampleExport.ToNpy(samples);

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
    public void ToPng_SquareishGrid()
    {
        var png = PngTestDecoder.Decode(SampleExport.ToPng(Images(10)));
        Assert.Equal((4 * 30 + 2, 3 * 30 + 2), (png.Width, png.Height)); // ceil(sqrt(10)) = 4 columns, 3 rows
    }

    [Fact]
    public void Save_ToySamplesAsIdxOrPng_RefusedNothingWritten()
    {
        var points = Tensor.FromArray(new float[] { 1, 2, 3, 4 }, 2, 2);
        string path = temp.Combine("points.idx");
        var ex = Assert.Throws<ArgumentException>(() => SampleExport.Save(points, path, SampleFormat.Idx));
        Assert.Contains("export them as npy", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SampleExport.Save(points, path, SampleFormat.Png));
        Assert.Empty(temp.FileNames());
    }

    [Theory]
    [InlineData("a/b.png", SampleFormat.Png)]
    [InlineData("x.NPY", SampleFormat.Npy)]
    [InlineData("x.idx", SampleFormat.Idx)]
    [InlineData("t10k-images-idx3-ubyte", SampleFormat.Idx)]
    [InlineData("x.txt", null)]
    [InlineData("x", null)]
    public void FormatFromPath_ByExtension(string path, SampleFormat? expected) => Assert.Equal(expected, SampleExport.FormatFromPath(path));

    [Fact]
    public void Generate_SameSeedSameSamplesAcrossChunks()
    {
        string dir = temp.Combine("run");
        var run = TrainingRun.Create(TinyRuns.Toy1D(epochs: 1), dir);
        run.Charts = new RunCharts { ChartImages = false };
        run.Train();
        var trainer = RunFolder.LoadForSampling(dir);

        var a = SampleExport.Generate(trainer, 1500, seed: 3);
        var b = SampleExport.Generate(trainer, 1500, seed: 3);
        Assert.Equal([1500, 1], a.Shape);
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(a.ToArray(), SampleExport.Generate(trainer, 1500, seed: 4).ToArray());
        Assert.Equal(run.Trainer.Sample(5, new Generator(3)).ToArray(), SampleExport.Generate(trainer, 5, seed: 3).ToArray());
    }
}
