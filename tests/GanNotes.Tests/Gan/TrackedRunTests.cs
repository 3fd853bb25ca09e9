using GanNotes.Gan;
using GanNotes.Optim;
using GanNotes.Tensors;

namespace GanNotes.Tests.Gan;

public class TrackedRunTests
{
    private static GanTrainer Build(ulong seed = 7, float lr = 2e-3f)
    {
        var g = MlpGan.BuildGenerator(zDim: 4, hidden: 8, outputDim: 1, output: GeneratorOutput.Identity, rng: new Rng(seed));
        var d = MlpGan.BuildDiscriminator(inputDim: 1, hidden: 8, rng: new Rng(seed + 1));
        var options = new GanTrainerOptions { BatchSize = 32, ZDim = 4, Seed = seed, FixedNoiseCount = 50 };
        return new GanTrainer(g, d, new Adam(g.Parameters(), lr, 0.5f), new Adam(d.Parameters(), lr, 0.5f),
            new GaussianSampler(3f, 0.5f, seed + 2), options);
    }

    [Fact]
    public void Train_KeepsEveryStepAndTheFixedSamplesEveryFewSteps()
    {
        var game = Build();

        var run = TrackedRun.Train(game, steps: 10, every: 3);

        Assert.Equal(Enumerable.Range(1, 10), run.History.Select(r => r.Step));
        Assert.Equal(new[] { 3, 6, 9 }, run.MeasuredAt);
        Assert.Equal(3, run.Samples.Count);
        Assert.All(run.Samples, s => Assert.Equal(new[] { 50, 1 }, s.Shape.ToArray()));
        Assert.Equal(10, game.Step);
        Assert.Equal(game.SampleFixed().ToArray(), run.Final.ToArray());
        Assert.NotEqual(run.SamplesAt(3).ToArray(), run.SamplesAt(9).ToArray());   // G learned in between
        Assert.Same(run.Final, run.SamplesAt(10));
    }

    [Fact]
    public void Train_SamplesAtAStep_AreThoseOfAGameStoppedThere()
    {
        var stopped = Build();
        for (int i = 0; i < 6; i++)
        {
            stopped.TrainStep();
        }

        var run = TrackedRun.Train(Build(), steps: 9, every: 3);

        Assert.Equal(stopped.SampleFixed().ToArray(), run.SamplesAt(6).ToArray());
    }

    [Fact]
    public void Train_LearningRateDrop_SetsBothRatesAfterThatStepOnly()
    {
        var dropped = Build();
        var steady = Build();

        TrackedRun.Train(dropped, steps: 3, every: 1, new LearningRateDrop(afterStep: 2, lr: 1e-4f));
        var droppedRun = TrackedRun.Train(Build(), steps: 3, every: 1, new LearningRateDrop(afterStep: 2, lr: 1e-4f));
        var steadyRun = TrackedRun.Train(steady, steps: 3, every: 1);

        Assert.Equal(1e-4f, dropped.OptimizerG.Lr);
        Assert.Equal(1e-4f, dropped.OptimizerD.Lr);
        Assert.Equal(2e-3f, steady.OptimizerG.Lr);
        Assert.Equal(steadyRun.History.Take(2), droppedRun.History.Take(2));          // the same first two steps
        Assert.NotEqual(steadyRun.SamplesAt(3).ToArray(), droppedRun.SamplesAt(3).ToArray());
    }

    [Fact]
    public void SamplesAt_AStepNotSampled_ThrowsNamingIt()
    {
        var run = TrackedRun.Train(Build(), steps: 7, every: 3);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => run.SamplesAt(4));
        Assert.Contains("not after step 4", e.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 3, 6 }, run.MeasuredAt);
        Assert.Same(run.Final, run.SamplesAt(7));   // the last step is always kept
    }

    [Theory]
    [InlineData(0, 1, "steps")]
    [InlineData(5, 0, "every")]
    public void Train_BadCounts_ThrowNamingThem(int steps, int every, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TrackedRun.Train(Build(), steps, every));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void LearningRateDrop_BadValues_ThrowNamingThem()
    {
        Assert.Equal("afterStep", Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateDrop(-1, 1e-4f)).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateDrop(5, float.NaN)).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateDrop(5, -1e-3f)).ParamName);
    }
}
