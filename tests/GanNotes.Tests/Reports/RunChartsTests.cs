using GanNotes.Gan;
using GanNotes.Reports;
using GanNotes.Tests.Gan;
using GanNotes.Tests.Plots;

namespace GanNotes.Tests.Reports;

/// <summary>The pictures a training run keeps in its folder, drawn by <see cref="RunCharts"/>.</summary>
public sealed class RunChartsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Train_ImageRun_WritesEveryFileOfTheRunFolder()
    {
        Requires.Chromium();
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        var events = new List<TrainingEvent>();

        var run = TrainingRun.Create(TinyRuns.Images(epochs: 2), dir, data);
        run.Charts = new RunCharts();
        var result = run.Train(TinyRuns.Collect(events));

        Assert.Equal(new TrainingResult(TrainingOutcome.Completed, 8, 2, RunFolder.LastCheckpointPath(dir)), result);
        var config = RunConfig.Read(RunFolder.ConfigPath(dir));
        Assert.Equal((TinyRuns.Images(epochs: 2), 4), (config.Recipe, config.StepsPerEpoch));
        Assert.Equal(RunConfig.CurrentVersion, config.Version);
        var history = RunHistory.Read(RunFolder.HistoryPath(dir));
        Assert.Equal(Enumerable.Range(1, 8), history.Select(r => r.Step));
        Assert.All(history, r => Assert.True(float.IsFinite(r.LossD) && float.IsFinite(r.LossG)));
        Assert.True(File.Exists(RunFolder.LastCheckpointPath(dir)));
        Assert.Empty(RunFolder.EpochCheckpoints(dir)); // image runs keep only the last checkpoint
        foreach (int epoch in new[] { 1, 2 })
        {
            var png = PngTestDecoder.Decode(File.ReadAllBytes(RunFolder.SamplePath(dir, epoch)));
            Assert.Equal((466, 118), (png.Width, png.Height)); // 16 images, 8 columns of 2 x 28 + 2
        }
        Assert.Contains("Plotly.newPlot", File.ReadAllText(RunFolder.LossHtmlPath(dir)), StringComparison.Ordinal);
        var loss = PngTestDecoder.Decode(File.ReadAllBytes(RunFolder.LossPngPath(dir)));
        Assert.Equal((900, 500), (loss.Width, loss.Height));
        Assert.Empty(events.OfType<TrainingWarning>());
        Assert.IsType<TrainingStarted>(events[0]);
        Assert.Equal(8, events.OfType<StepCompleted>().Count());
        Assert.Equal([1, 2], events.OfType<EpochCompleted>().Select(e => e.Epoch));
        Assert.Equal(RunFolder.SamplePath(dir, 2), events.OfType<EpochCompleted>().Last().SamplePath);
        Assert.DoesNotContain(Directory.EnumerateFiles(dir, "*.tmp", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public void Train_ToyRun_KeepsSampleCheckpointsAndCharts()
    {
        Requires.Chromium();
        string dir = temp.Combine("toy");
        var run = TrainingRun.Create(TinyRuns.Toy1D(epochs: 2), dir);
        run.Charts = new RunCharts();
        run.Train();

        Assert.Equal([1, 2], RunFolder.EpochCheckpoints(dir).Select(c => c.Epoch));
        var png = PngTestDecoder.Decode(File.ReadAllBytes(RunFolder.SamplePath(dir, 2)));
        Assert.Equal((700, 450), (png.Width, png.Height));
    }
}
