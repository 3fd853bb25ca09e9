using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Reports;
using GanNotes.Tensors;
using GanNotes.Tests.Gan;
using GanNotes.Tests.Plots;

namespace GanNotes.Tests.Reports;

public sealed class SampleExportTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static Tensor Images(int n) =>
        Tensor.FromArray([.. Enumerable.Range(0, n * 784).Select(i => (i % 784) / 783f)], n, 784);

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
        Assert.Equal(run.Trainer.Sample(5, new Rng(3)).ToArray(), SampleExport.Generate(trainer, 5, seed: 3).ToArray());
    }
}
