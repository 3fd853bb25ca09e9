using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Nn;
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

    private static GanTrainer UniformGame(int zDim, NoiseKind noise)
    {
        var g = new Sequential(new Linear(zDim, 8, rng: new Rng(5)), new Tanh(), new Linear(8, 1, rng: new Rng(6)));
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 4, rng: new Rng(7));
        return new GanTrainer(g, d, new Adam(g.Parameters(), 1e-3f), new Adam(d.Parameters(), 1e-3f),
            new ToySampler(new Gaussian1D(2, 0.5), 8), new GanTrainerOptions { BatchSize = 16, ZDim = zDim, Noise = noise, Seed = 9, FixedNoiseCount = 400 });
    }

    [Fact]
    public void PaperPanel_DrawsTheDensitiesDAndAnArrowFromEachZToGOfZ()
    {
        var game = UniformGame(1, NoiseKind.Uniform);
        var figure = ToyGameFigure.PaperPanel(game, new Gaussian1D(2, 0.5).Pdf, -1.5, 5.5, "(b)", showOptimal: true);

        Assert.Equal(["p_data", "p_g", "D(x)", "D* (estimate of p_g)"], figure.Traces.Select(t => t.Name));
        var arrows = figure.Layout.Annotations.Where(a => a.ShowArrow).ToList();
        Assert.Equal(15, arrows.Count);
        // The arrows' heads are G(z) for z from -0.98 to 0.98, evaluated as the module computes them.
        float[] gz;
        using (Autograd.NoGrad())
        {
            gz = game.G.Forward(Tensor.FromArray(new float[] { -0.98f, 0.98f }, 2, 1)).ToArray();
        }
        Assert.Equal(Math.Clamp(gz[0], -1.5, 5.5), arrows[0].X, 5);
        Assert.Equal(Math.Clamp(gz[1], -1.5, 5.5), arrows[^1].X, 5);
        Assert.Equal(-1.5 + 0.01 * 7, arrows[0].TailX, 9);
        Assert.True(game.G.Training, "the panel restores G's training mode");
    }

    [Fact]
    public void PaperPanel_NormalOrWideNoise_SaysFigureOneNeedsOneUniformZ()
    {
        var e = Assert.Throws<ArgumentException>(() => ToyGameFigure.PaperPanel(UniformGame(2, NoiseKind.Uniform), x => 0, 0, 1, "t"));
        Assert.Contains("one uniform z", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ToyGameFigure.PaperPanel(UniformGame(1, NoiseKind.Normal), x => 0, 0, 1, "t"));
    }

    [Fact]
    public void HistogramPeak_AllSamplesInOneBin_IsOneOverTheBinWidth()
    {
        Assert.Equal(1 / 0.2, ToyGameFigure.HistogramPeak([1.05, 1.1, 1.15], 0, 12), 9);
    }

    [Fact]
    public void PaperPanel_PeakedPG_YAxisReachesAboveItsPeak()
    {
        // A G that squeezes every z into a stretch of x about 0.04 wide: its density estimate peaks near 4.
        var g = new Sequential(new Linear(1, 1, rng: new Rng(10)));
        using (Autograd.NoGrad())
        {
            g.Parameters().First().Fill_(0.02f);
        }
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 4, rng: new Rng(11));
        var game = new GanTrainer(g, d, new Adam(g.Parameters(), 1e-3f), new Adam(d.Parameters(), 1e-3f),
            new ToySampler(new Gaussian1D(2, 0.5), 12), new GanTrainerOptions { BatchSize = 16, ZDim = 1, Noise = NoiseKind.Uniform, Seed = 13, FixedNoiseCount = 400 });

        var figure = ToyGameFigure.PaperPanel(game, new Gaussian1D(2, 0.5).Pdf, -1.5, 5.5, "(a)");

        double peak = ((ScatterTrace)figure.Traces[1]).Y.Max();
        var (bottom, top) = figure.Layout.YAxis.Range!.Value;
        Assert.True(peak > 2, $"the test's p_g should be peaked, got {peak}");
        Assert.True(top > peak, $"top {top}, peak {peak}");
        Assert.Equal(-0.7, bottom);
    }

    [Fact]
    public void PaperPanel_LowDensities_YAxisStillShowsDsWholeRange()
    {
        var figure = ToyGameFigure.PaperPanel(UniformGame(1, NoiseKind.Uniform), x => 0.01, -1.5, 5.5, "(a)");

        var (_, top) = figure.Layout.YAxis.Range!.Value;
        double peak = ((ScatterTrace)figure.Traces[1]).Y.Max();
        Assert.Equal(Math.Max(1.1, 1.08 * peak), top, 12);
    }
}
