using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Tests.Gan;
using GanNotes.Tests.Plots;
using static GanNotes.Tests.Cli.CliRunner;

namespace GanNotes.Tests.Cli;

/// <summary>
/// What the README's main command leaves in the run folder on a fresh clone: loss.png and
/// loss.html (plotly.js ships with the library; no npm step), and without Chromium one line
/// that names the fix, with everything else still written.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class TrainChartImagesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Train_WithChromium_WritesLossPngAndHtmlWithoutWarnings()
    {
        Requires.Chromium();
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");

        var (code, output, error) = Run(Tiny("fashion-mnist", dir, "--epochs", "1", "--data", data));

        Assert.True(code == 0, error);
        Assert.DoesNotContain("warning", output + error, StringComparison.Ordinal);
        Assert.True(File.Exists(RunFolder.LossHtmlPath(dir)));
        byte[] png = File.ReadAllBytes(RunFolder.LossPngPath(dir));
        var (width, height) = PngWriter.ReadSize(png);
        Assert.True(width > 100 && height > 100, $"loss.png is {width}x{height}");
    }

    [Fact]
    public void Train_WithoutChromium_OneLineNamesFixAndEverythingElseWritten()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        using var hidden = new ChromiumHidden();

        var (code, output, error) = Run(Tiny("fashion-mnist", dir, "--epochs", "1", "--data", data));

        Assert.True(code == 0, error);
        var warning = Assert.Single(Lines(output + error), l => l.Contains("warning", StringComparison.Ordinal));
        Assert.Contains("Chromium was not found (install it: sudo apt-get install chromium, or set GANNOTES_CHROMIUM", warning, StringComparison.Ordinal);
        Assert.False(File.Exists(RunFolder.LossPngPath(dir)));
        Assert.True(File.Exists(RunFolder.LossHtmlPath(dir)));
        Assert.True(File.Exists(RunFolder.SamplePath(dir, 1)));
        Assert.True(File.Exists(RunFolder.LastCheckpointPath(dir)));
        Assert.Equal(4, RunHistory.Read(RunFolder.HistoryPath(dir)).Count); // 64 images, m 16
    }
}
