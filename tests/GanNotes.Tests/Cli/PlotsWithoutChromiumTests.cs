using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Reports;
using GanNotes.Tests.Gan;
using GanNotes.Tests.Plots;
using static GanNotes.Tests.Cli.CliRunner;

namespace GanNotes.Tests.Cli;

/// <summary><c>gan-notes plots</c> without Chromium: the warning that loss.html "is still written" comes only once it is.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PlotsWithoutChromiumTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string TinyToyRun()
    {
        string dir = temp.Combine("toy");
        var run = TrainingRun.Create(TinyRuns.Toy1D(epochs: 1), dir);
        run.Charts = new RunCharts { ChartImages = false };
        run.Train();
        return dir;
    }

    private static (int Code, string Output, string Error) RunWithoutChromium(params string[] args)
    {
        using var hidden = new ChromiumHidden();
        return Run(args);
    }

    [Fact]
    public void Plots_DamagedHistoryWithoutChromium_OnlyTheErrorNoClaimThatHtmlWasWritten()
    {
        string dir = TinyToyRun();
        File.Delete(RunFolder.LossHtmlPath(dir));
        File.WriteAllText(RunFolder.HistoryPath(dir), "not,a,history\n");

        var (code, output, error) = RunWithoutChromium("plots", dir);

        Assert.Equal(1, code);
        Assert.Equal([$"error: {RunFolder.HistoryPath(dir)}: line 1 is not the history header '{StepRecord.CsvHeader}'."], Lines(error));
        Assert.DoesNotContain("still written", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(RunFolder.LossHtmlPath(dir)));
    }

    [Fact]
    public void Plots_HistoryMissing_OneLineNamingIt()
    {
        string dir = TinyToyRun();
        File.Delete(RunFolder.HistoryPath(dir));

        var (code, output, error) = RunWithoutChromium("plots", dir);

        Assert.Equal(1, code);
        Assert.Equal([$"error: {RunFolder.HistoryPath(dir)} is missing: the run has no recorded steps, so there are no losses to draw."], Lines(error));
        Assert.DoesNotContain("still written", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_WithoutChromium_WritesHtmlThenWarnsOnce()
    {
        string dir = TinyToyRun();
        File.Delete(RunFolder.LossHtmlPath(dir));

        var (code, output, error) = RunWithoutChromium("plots", dir);

        Assert.True(code == 0, error);
        Assert.True(File.Exists(RunFolder.LossHtmlPath(dir)));
        Assert.Single(Lines(output + error), l => l.Contains("Chromium was not found", StringComparison.Ordinal));
    }
}
