using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Optim;
using GanNotes.Plots;
using GanNotes.Reports;
using GanNotes.Tensors;

namespace GanNotes.Tests.Reports;

public class ToyGameFigureTests
{
    private static GanTrainer Game()
    {
        var g = MlpGan.BuildGenerator(zDim: 4, hidden: 4, outputDim: 1, output: GeneratorOutput.Identity, rng: new Rng(1));
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 4, rng: new Rng(2));
        return new GanTrainer(g, d, new Adam(g.Parameters(), 1e-3f), new Adam(d.Parameters(), 1e-3f),
            new ToySampler(new Gaussian1D(4, 1.25), 3), new GanTrainerOptions { BatchSize = 16, ZDim = 4, Seed = 4, FixedNoiseCount = 500 });
    }

    [Fact]
    public void Panel_YAxisReachesAboveTheTallestBar_AndShowsDsWholeRange()
    {
        var game = Game();
        var samples = game.SampleFixed().ToArray().Select(v => (double)v).ToArray();
        double peak = ToyGameFigure.HistogramPeak(samples, -2, 10);

        var figure = ToyGameFigure.Panel(game, new Gaussian1D(4, 1.25).Pdf, -2, 10, "Step 0");

        var (_, top) = figure.Layout.YAxis.Range!.Value;
        Assert.True(top >= 1.05 && top >= peak, $"top {top}, peak {peak}");
        Assert.Equal(["p_g (samples of G)", "p_data", "D(x)"], figure.Traces.Select(t => t.Name));
        Assert.All(((ScatterTrace)figure.Traces[2]).Y, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void HistogramPeak_AllSamplesInOneBin_IsOneOverTheBinWidth()
    {
        Assert.Equal(1 / 0.2, ToyGameFigure.HistogramPeak([1.05, 1.1, 1.15], 0, 12), 9);
    }
}
