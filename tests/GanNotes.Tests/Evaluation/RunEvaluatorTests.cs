using GanNotes.Data;
using GanNotes.Evaluation;
using GanNotes.Gan;
using GanNotes.Reports;

namespace GanNotes.Tests.Evaluation;

public sealed class RunEvaluatorTests
{
    [Theory]
    [InlineData(GanDataset.Gaussian1D, "evaluate scores fashion-mnist and ring-2d runs")]
    [InlineData(GanDataset.Mnist, "the shipped classifier knows Fashion-MNIST only")]
    public void For_DatasetWithoutScores_RefusedSayingWhy(GanDataset dataset, string why)
    {
        var e = Assert.Throws<NotSupportedException>(() => RunEvaluator.For(GanRecipe.Fast.ForDataset(dataset)));

        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Equal(e.Message, RunEvaluator.Unsupported(dataset));
    }

    [Fact]
    public void Evaluate_RingRun_CoverageOfTheSamplesItDraws()
    {
        using var temp = new TempDirectory();
        var recipe = GanRecipe.Fast.ForDataset(GanDataset.Ring2D) with { Epochs = 1, Limit = 64, BatchSize = 16 };
        var run = TrainingRun.Create(recipe, temp.Combine("ring"));
        run.Charts = new RunCharts { ChartImages = false };
        run.Train();
        var trainer = RunFolder.LoadForSampling(temp.Combine("ring"));

        var scores = RunEvaluator.For(recipe).Evaluate(trainer, count: 300, seed: 4);

        var expected = RingCoverage.Measure(new GaussianRing2D(), GeneratorSamples.Draw(trainer, 300, 4));
        Assert.Equal((1, 4, 300), (scores.Epoch, scores.Step, scores.Count));
        Assert.Equal(expected.ModesHit, scores.ModesHit);
        Assert.Equal(expected.HighQualityShare, scores.HighQualityShare);
        Assert.Null(scores.FrechetDistance);
    }
}
