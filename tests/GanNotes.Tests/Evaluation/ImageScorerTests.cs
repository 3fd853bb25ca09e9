using GanNotes.Data;
using GanNotes.Evaluation;
using GanNotes.Tensors;
using GanNotes.Tests.Data;

namespace GanNotes.Tests.Evaluation;

/// <summary>The scores against the real data: real images score as real, noise as noise.</summary>
public sealed class ImageScorerFixture
{
    public ImageScorerFixture()
    {
        Train = FashionMnist.Load(RepoData.Path, train: true);
        Scorer = ImageScorer.LoadShipped(RepoData.Path);
    }

    public ImageDataset Train { get; }

    public ImageScorer Scorer { get; }
}

public sealed class ImageScorerTests(ImageScorerFixture fixture) : IClassFixture<ImageScorerFixture>
{
    [Fact]
    public void Score_TrainingImages_NearZeroDistanceAllClassesCovered()
    {
        var real = fixture.Train.GetImages([.. Enumerable.Range(0, 10_000)]);

        var scores = fixture.Scorer.Score(real);

        Assert.InRange(scores.FrechetDistance!.Value, 0, 1.0);
        Assert.Equal(10, scores.ClassesCovered);
        Assert.InRange(scores.ClassEntropyBits!.Value, 3.25, Math.Log2(10));
        Assert.True(scores.ClassifierScore > 5, $"classifier score {scores.ClassifierScore}");
        Assert.True(double.IsFinite(scores.ParzenLogLikelihood!.Value));
    }

    [Fact]
    public void Score_UniformNoise_FarFromTheTestSetAndFarLessLikely()
    {
        var real = fixture.Train.GetImages([.. Enumerable.Range(0, 2000)]);
        var noise = Tensor.Rand([2000, 784], new Rng(7));

        double realDistance = fixture.Scorer.FrechetDistanceOf(real);
        double noiseDistance = fixture.Scorer.FrechetDistanceOf(noise);
        var realParzen = fixture.Scorer.ParzenOf(real, testCount: 500);
        var noiseParzen = fixture.Scorer.ParzenOf(noise, testCount: 500);

        Assert.True(noiseDistance > 100 * Math.Max(realDistance, 0.01), $"noise {noiseDistance}, real {realDistance}");
        Assert.True(noiseParzen.MeanLogLikelihood < realParzen.MeanLogLikelihood - 100, $"noise {noiseParzen}, real {realParzen}");
        Assert.Equal(500, realParzen.TestCount);
    }

    [Fact]
    public void ClassScoresOf_OneClassOnly_CoversOneClass()
    {
        int[] trousers = [.. Enumerable.Range(0, fixture.Train.Count).Where(i => fixture.Train.GetLabel(i) == 1).Take(500)];

        var scores = fixture.Scorer.ClassScoresOf(fixture.Train.GetImages(trousers));

        Assert.Equal(1, scores.ClassesCovered);
        Assert.True(scores.PerClass[1] > 480, $"trousers predicted {scores.PerClass[1]} times");
        Assert.InRange(scores.EntropyBits, 0, 0.3);
    }

    [Fact]
    public void Score_WrongShape_RefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => fixture.Scorer.Score(Tensor.Zeros(10, 2)));

        Assert.Contains("[10, 2]", e.Message, StringComparison.Ordinal);
    }
}
