using GanNotes.Data;
using GanNotes.Evaluation;
using GanNotes.Gan;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Tests.Evaluation;

public class RingRunTests
{
    private static readonly GaussianRing2D Ring = new();

    private static GanTrainer RingGame(ulong seed = 10)
    {
        var g = MlpGan.BuildGenerator(zDim: 8, hidden: 16, outputDim: 2, output: GeneratorOutput.Identity, rng: new Rng(seed));
        var d = MlpGan.BuildDiscriminator(inputDim: 2, hidden: 16, rng: new Rng(seed + 1));
        return new GanTrainer(g, d, new Adam(g.Parameters(), 1e-3f, 0.5f), new Adam(d.Parameters(), 1e-3f, 0.5f),
            new ToySampler(Ring, seed + 2), new GanTrainerOptions { BatchSize = 64, ZDim = 8, Seed = seed + 3, FixedNoiseCount = 200 });
    }

    [Fact]
    public void Train_MeasuresTheFixedSamplesAfterEveryFewSteps()
    {
        var run = RingRun.Train(RingGame(), Ring, steps: 12, every: 4);

        Assert.Equal(new[] { 4, 8, 12 }, run.Run.MeasuredAt);
        Assert.Equal(3, run.Coverage.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(RingCoverage.Measure(Ring, run.Run.Samples[i]).PerMode, run.Coverage[i].PerMode);
        }
        Assert.Equal(run.Coverage.Select(c => (double)c.ModesHit), run.ModesHitCurve());
        Assert.Equal(run.Coverage[^1].PerMode, run.Final.PerMode);
        Assert.Equal(200, run.Final.Count);
        Assert.Equal(12, run.History.Count);
    }

    [Fact]
    public void Panels_LabelsEachStepWithItsModesHit()
    {
        var run = RingRun.Train(RingGame(), Ring, steps: 12, every: 4);

        var panels = run.Panels(4, 12);

        Assert.Equal($"step 4: {run.CoverageAt(4).ModesHit} of 8 modes", panels[0].Label);
        Assert.Equal($"step 12: {run.Final.ModesHit} of 8 modes", panels[1].Label);
        Assert.Same(run.Run.SamplesAt(4), panels[0].Samples);
        Assert.Throws<ArgumentOutOfRangeException>(() => run.Panels(5));
    }

    [Fact]
    public void ModesHitCurve_IsACopy()
    {
        var run = RingRun.Train(RingGame(), Ring, steps: 4, every: 2);

        run.ModesHitCurve()[0] = -1;

        Assert.NotEqual(-1, run.ModesHitCurve()[0]);
    }

    [Fact]
    public void Train_AGameOnOtherData_ThrowsNamingItsDimension()
    {
        var g = MlpGan.BuildGenerator(zDim: 4, hidden: 4, outputDim: 1, output: GeneratorOutput.Identity, rng: new Rng(1));
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 4, rng: new Rng(2));
        var game = new GanTrainer(g, d, new Adam(g.Parameters(), 1e-3f), new Adam(d.Parameters(), 1e-3f),
            new ToySampler(new Gaussian1D(0, 1), 3), new GanTrainerOptions { BatchSize = 8, ZDim = 4 });

        var e = Assert.Throws<ArgumentException>(() => RingRun.Train(game, Ring, 2, 1));
        Assert.Contains("dimension 1", e.Message, StringComparison.Ordinal);
    }
}
