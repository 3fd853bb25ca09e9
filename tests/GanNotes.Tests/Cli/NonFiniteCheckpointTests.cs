using GanNotes.Gan;
using GanNotes.Nn;
using GanNotes.Tests.Gan;
using static GanNotes.Tests.Cli.CliRunner;

namespace GanNotes.Tests.Cli;

/// <summary>A checkpoint with a NaN weight is refused on load, naming the tensor, before any file is written.</summary>
public sealed class NonFiniteCheckpointTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A tiny finished run whose last checkpoint then gets a NaN in G's first weight.</summary>
    private (string Dir, string Data, string Tensor) RunWithNaNCheckpoint()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        Assert.Equal(0, Run(Tiny("fashion-mnist", dir, "--epochs", "1", "--data", data)).ExitCode);
        string checkpoint = RunFolder.LastCheckpointPath(dir);
        var file = Safetensors.Read(checkpoint);
        string tensor = file.Names.First(n => n.StartsWith("G.", StringComparison.Ordinal));
        var tensors = file.Names.Select(n => KeyValuePair.Create(n, file.Tensors[n])).ToList();
        file.Tensors[tensor].Data[3] = float.NaN;
        Safetensors.Write(checkpoint, tensors, file.Metadata);
        return (dir, data, tensor);
    }

    [Fact]
    public void Sample_NaNWeight_ExitOneNamingTensorNothingWritten()
    {
        var (dir, _, tensor) = RunWithNaNCheckpoint();
        string png = temp.Combine("samples.png");

        var (code, _, error) = Run("sample", dir, "--out", png);

        Assert.Equal(1, code);
        Assert.Contains($"tensor '{tensor}' holds NaN at index 3", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void Resume_NaNWeight_ExitOneNamingTensorConfigAndHistoryUntouched()
    {
        var (dir, data, tensor) = RunWithNaNCheckpoint();
        byte[] config = File.ReadAllBytes(RunFolder.ConfigPath(dir));
        byte[] history = File.ReadAllBytes(RunFolder.HistoryPath(dir));

        var (code, _, error) = Run("train", "--resume", "--out", dir, "--epochs", "2", "--lr", "1e-4", "--data", data);

        Assert.Equal(1, code);
        string line = Assert.Single(Lines(error));
        Assert.Contains($"tensor '{tensor}' holds NaN at index 3", line, StringComparison.Ordinal);
        Assert.DoesNotContain("learning rate", line, StringComparison.Ordinal);
        Assert.Equal(config, File.ReadAllBytes(RunFolder.ConfigPath(dir)));
        Assert.Equal(history, File.ReadAllBytes(RunFolder.HistoryPath(dir)));
    }
}
