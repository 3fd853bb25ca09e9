using GanNotes.Gan;
using GanNotes.Plots;
using GanNotes.Reports;
using GanNotes.Tests.Gan;

namespace GanNotes.Tests.Reports;

public sealed class RunPlotsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void LossFigure_RawAndSmoothedLinesWithAxisTitles()
    {
        var history = Enumerable.Range(1, 10).Select(i => new StepRecord(i, i / 5.0, i, 2 * i, 0.5f, 0.5f, 1, 1)).ToList();
        var figure = RunPlots.LossFigure(history, window: 2);

        Assert.Equal(["D loss", "G loss", "D loss, mean of 2 steps", "G loss, mean of 2 steps"], figure.Traces.Select(t => t.Name));
        Assert.Equal(("generator step", "loss"), (figure.Layout.XAxis.Title, figure.Layout.YAxis.Title));
        var smoothedD = (ScatterTrace)figure.Traces[2];
        Assert.Equal([1, 1.5, 2.5, 3.5], smoothedD.Y.Take(4));
        Assert.Single(figure.Layout.Segments); // log 2
    }

    [Fact]
    public void LossFigure_LongRun_DecimatedToAFewThousandPoints()
    {
        var history = Enumerable.Range(1, 20_001).Select(i => new StepRecord(i, i, 0.7f, 0.7f, 0.5f, 0.5f, 1, 1)).ToList();
        var figure = RunPlots.LossFigure(history);
        var raw = (ScatterTrace)figure.Traces[0];
        Assert.InRange(raw.X.Length, 3000, 4001);
        Assert.Equal(20_001, raw.X[^1]);
    }

    [Fact]
    public void Regenerate_ImageRun_RedrawsLossAndLastSample()
    {
        Requires.Chromium();
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        var run = TrainingRun.Create(TinyRuns.Images(epochs: 2), dir, data);
        run.Charts = new RunCharts { ChartImages = false };
        run.Train();
        byte[] sample = File.ReadAllBytes(RunFolder.SamplePath(dir, 2));
        File.Delete(RunFolder.SamplePath(dir, 2));
        File.Delete(RunFolder.LossHtmlPath(dir));
        var warnings = new List<string>();

        var written = RunPlots.Regenerate(dir, warnings.Add);

        Assert.Contains(RunFolder.SamplePath(dir, 2), written);
        Assert.Equal(sample, File.ReadAllBytes(RunFolder.SamplePath(dir, 2))); // the same G, the same fixed z
        Assert.True(File.Exists(RunFolder.LossHtmlPath(dir)));
        Assert.Contains(RunFolder.LossPngPath(dir), written);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Train_ImageRun_WritesProgressSliderAndStripOfItsSampleEpochs()
    {
        string data = TinyRuns.WriteFashionFixture(temp);
        string dir = temp.Combine("run");
        var run = TrainingRun.Create(TinyRuns.Images(epochs: 3), dir, data);
        run.Charts = new RunCharts { ChartImages = false };
        run.Train();

        var samples = RunFolder.Samples(dir);
        Assert.Equal([1, 2, 3], samples.Select(s => s.Epoch));
        Assert.Equal(RunHistory.EpochMeans(RunHistory.Read(RunFolder.HistoryPath(dir)), 4), RunHistory.Read(RunFolder.EpochsPath(dir)));
        string html = File.ReadAllText(RunFolder.ProgressHtmlPath(dir));
        Assert.Equal(3, html.Split("data:image/png;base64,").Length - 2); // three frames, and the <img> showing the last
        Assert.Contains("\u0022epoch 3\u0022", html, StringComparison.Ordinal);
        // The strip: the three grids at the size of their images, side by side, each with its epoch under it.
        var grid = ImageGrid.Load(RunFolder.SamplePath(dir, 1), shrink: 2);
        var strip = ImageGrid.Load(RunFolder.ProgressPngPath(dir));
        Assert.Equal((3 * grid.Width + 2 * 12, grid.WithLabel("epoch 1").Height), (strip.Width, strip.Height));
        Assert.Equal(RunPlots.ProgressAnimation(dir).Strip().ToPixels(), strip.ToPixels());

        var animation = RunPlots.ProgressAnimation(dir);
        Assert.Equal(["epoch 1", "epoch 2", "epoch 3"], animation.Frames.Select(f => f.Label));
        Assert.Equal(grid.ToPixels(), animation.Frames[0].Picture.ToPixels());
    }

    [Fact]
    public void ProgressAnimation_NoSamplesYet_SaysSo()
    {
        var e = Assert.Throws<FileNotFoundException>(() => RunPlots.ProgressAnimation(temp.Path));
        Assert.Contains("holds no epoch_NNN.png", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleFigure_Ring_ScattersRealAndGenerated()
    {
        string dir = temp.Combine("ring");
        var recipe = TinyRuns.Toy1D(epochs: 1) with { Dataset = GanDataset.Ring2D };
        var run = TrainingRun.Create(recipe, dir);
        run.Charts = new RunCharts { ChartImages = false };
        run.Train();
        var figure = RunPlots.SampleFigure(run.Trainer, recipe, 1);
        Assert.Equal(["p_data samples", "p_g: G(z) samples"], figure.Traces.Select(t => t.Name));
        Assert.Equal(2000, ((ScatterTrace)figure.Traces[1]).X.Length);
        // The course's colours: p_data black, p_g green.
        Assert.Equal(["rgba(0,0,0,0.5)", "rgba(0,128,0,0.45)"], figure.Traces.Select(t => ((ScatterTrace)t).Color));
        Assert.Throws<ArgumentException>(() => RunPlots.SampleFigure(run.Trainer, GanRecipe.Fast, 1));
    }
}
