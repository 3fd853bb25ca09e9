using System.Buffers.Binary;
using System.Text;
using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Reports;
using GanNotes.Tests.Gan;
using GanNotes.Tests.Plots;
using static GanNotes.Tests.Cli.CliRunner;

namespace GanNotes.Tests.Cli;

/// <summary>One tiny image run and one toy run, trained once for the <c>sample</c> and <c>plots</c> tests.</summary>
public sealed class TrainedRunsFixture : IDisposable
{
    private readonly TempDirectory temp = new();

    public TrainedRunsFixture()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        ImageRun = temp.Combine("images");
        ToyRun = temp.Combine("toy");
        var images = TrainingRun.Create(TinyRuns.Images(epochs: 1), ImageRun, data);
        images.Charts = new RunCharts { ChartImages = false };
        images.Train();
        var toy = TrainingRun.Create(TinyRuns.Toy1D(epochs: 1), ToyRun);
        toy.Charts = new RunCharts { ChartImages = false };
        toy.Train();
    }

    public string ImageRun { get; }

    public string ToyRun { get; }

    public string Combine(string name) => temp.Combine(name);

    public void Dispose() => temp.Dispose();
}

/// <summary><c>gan-notes sample</c> and <c>gan-notes plots</c>, in process.</summary>
public sealed class SampleAndPlotsCommandTests(TrainedRunsFixture runs) : IClassFixture<TrainedRunsFixture>
{
    [Fact]
    public void Sample_Npy_ShapeFromTheRunAndSameSeedSameFile()
    {
        string file = runs.Combine("a.npy");
        var (code, output, error) = Run("sample", runs.ImageRun, "--count", "5", "--out", file, "--seed", "9");

        Assert.True(code == 0, error);
        Assert.Contains($"wrote 5 samples of the generator at step 4 (epoch 1) to {file} (npy, [5, 784])", output, StringComparison.Ordinal);
        byte[] npy = File.ReadAllBytes(file);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(npy.AsSpan(8));
        Assert.Contains("'shape': (5, 784)", Encoding.ASCII.GetString(npy, 10, headerLength), StringComparison.Ordinal);
        Assert.Equal(10 + headerLength + 5 * 784 * 4, npy.Length);
        string again = runs.Combine("b.npy");
        Assert.Equal(0, Run("sample", runs.ImageRun, "--count", "5", "--out", again, "--seed", "9").ExitCode);
        Assert.Equal(npy, File.ReadAllBytes(again));
    }

    [Fact]
    public void Sample_IdxAndPng_FormatFromExtensionOrOption()
    {
        string idx = runs.Combine("fake-images-idx3-ubyte");
        Assert.Equal(0, Run("sample", runs.ImageRun, "--count", "3", "--out", idx).ExitCode);
        Assert.Equal([3, 28, 28], GanNotes.Data.IdxReader.ReadImages(idx).Dimensions);

        string png = runs.Combine("grid.bin");
        Assert.Equal(0, Run("sample", runs.ImageRun, "--out", png, "--format", "png").ExitCode);
        var decoded = PngTestDecoder.Decode(File.ReadAllBytes(png));
        Assert.Equal((8 * 30 + 2, 8 * 30 + 2), (decoded.Width, decoded.Height)); // 64 samples by default
    }

    [Fact]
    public void Sample_OutUnderAFile_OneLineNamingOptionNothingRun()
    {
        string file = runs.Combine("not-a-folder");
        File.WriteAllText(file, "x");
        string target = Path.Combine(file, "x.png");

        var (code, output, error) = Run("sample", runs.ImageRun, "--out", target);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal([$"error: --out {target}: {file} is a file, so the folder {file} cannot be made"], Lines(error));
    }

    [Fact]
    public void Sample_UnknownExtension_AsksForFormat()
    {
        string file = runs.Combine("samples.txt");
        var (code, _, error) = Run("sample", runs.ImageRun, "--out", file);

        Assert.Equal(2, code);
        Assert.Equal([$"error: --out {file}: cannot tell the format from the extension; use .png, .npy, .idx or -ubyte, or give --format png|idx|npy"], Lines(error));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Sample_ToyRunAsIdx_RefusedSuggestsNpy()
    {
        string file = runs.Combine("toy.idx");
        var (code, _, error) = Run("sample", runs.ToyRun, "--out", file);

        Assert.Equal(2, code);
        Assert.Equal(["error: --format idx: idx holds square images, but these samples are 1-dimensional points: export them as npy."], Lines(error));
        Assert.False(File.Exists(file));
        Assert.Equal(0, Run("sample", runs.ToyRun, "--count", "100", "--out", runs.Combine("toy.npy")).ExitCode);
    }

    [Fact]
    public void Sample_BadCountOrMissingRun_ClearLines()
    {
        Assert.Equal(["error: --count 0: export 1 to 100000 samples"], Lines(Run("sample", runs.ImageRun, "--count", "0", "--out", runs.Combine("x.npy")).Error));
        string missing = runs.Combine("nope");
        var (code, _, error) = Run("sample", missing, "--out", runs.Combine("x.npy"));
        Assert.Equal(2, code);
        Assert.Equal([$"error: {missing}: not a run folder (no config.json); give a folder written by gan-notes train"], Lines(error));
    }

    [Fact]
    public void Sample_CorruptCheckpoint_ExitOneNothingWritten()
    {
        string dir = runs.Combine("corrupt");
        Directory.CreateDirectory(Path.Combine(dir, RunFolder.CheckpointsFolderName));
        File.Copy(RunFolder.ConfigPath(runs.ImageRun), RunFolder.ConfigPath(dir));
        File.WriteAllBytes(RunFolder.LastCheckpointPath(dir), [1, 2, 3]);
        string file = runs.Combine("corrupt.npy");

        var (code, _, error) = Run("sample", dir, "--out", file);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: {RunFolder.LastCheckpointPath(dir)}", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Plots_MissingRun_UsageError()
    {
        string missing = runs.Combine("nope");
        var (code, output, error) = Run("plots", missing);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal([$"error: {missing}: not a run folder (no config.json); give a folder written by gan-notes train"], Lines(error));
    }

    [Fact]
    public void Plots_DamagedHistory_ExitOneNamingFile()
    {
        string dir = runs.Combine("damaged");
        Directory.CreateDirectory(dir);
        File.Copy(RunFolder.ConfigPath(runs.ToyRun), RunFolder.ConfigPath(dir));
        File.WriteAllText(RunFolder.HistoryPath(dir), "not,a,history\n");

        var (code, _, error) = Run("plots", dir);

        Assert.Equal(1, code);
        Assert.Equal([$"error: {RunFolder.HistoryPath(dir)}: line 1 is not the history header '{StepRecord.CsvHeader}'."], Lines(error));
    }

    [Fact]
    public void Plots_ImageRun_RewritesLossAndSample()
    {
        var (code, output, error) = Run("plots", runs.ImageRun);

        Assert.True(code == 0, error);
        Assert.Contains($"wrote {RunFolder.LossHtmlPath(runs.ImageRun)}", output, StringComparison.Ordinal);
        Assert.Contains($"wrote {RunFolder.SamplePath(runs.ImageRun, 1)}", output, StringComparison.Ordinal);
    }
}
