using GanNotes.Data;
using GanNotes.Evaluation;
using GanNotes.Nn;
using GanNotes.Tensors;
using GanNotes.Tests.Data;

namespace GanNotes.Tests.Evaluation;

public sealed class FashionClassifierTests
{
    [Fact]
    public void LoadShipped_TestSet_ClassifiesAsTheDataReadmeSays()
    {
        var classifier = FashionClassifier.LoadShipped(RepoData.Path);

        double accuracy = classifier.Accuracy(FashionMnist.Load(RepoData.Path, train: false));

        // data/README.md quotes 89.10%; the weights are fixed, so only rounding could move it.
        Assert.Equal(0.8910, accuracy, 4);
    }

    [Fact]
    public void Fit_OneEpochOnSixThousandImages_LearnsFarAboveChance()
    {
        var train = FashionMnist.Load(RepoData.Path, train: true).Take(6000);
        var test = FashionMnist.Load(RepoData.Path, train: false).Take(2000);
        var classifier = new FashionClassifier(new Rng(3));
        double before = classifier.Accuracy(test);
        var losses = new List<double>();

        classifier.Fit(train, epochs: 2, seed: 3, onEpoch: (_, loss) => losses.Add(loss));

        Assert.InRange(before, 0.0, 0.3);
        Assert.True(classifier.Accuracy(test) > 0.7, $"accuracy {classifier.Accuracy(test)}");
        Assert.Equal(2, losses.Count);
        Assert.True(losses[1] < losses[0]);
        Assert.False(classifier.Training);
    }

    [Fact]
    public void Fit_SameSeed_SameWeights()
    {
        var train = FashionMnist.Load(RepoData.Path, train: true).Take(512);
        var a = new FashionClassifier(new Rng(5));
        var b = new FashionClassifier(new Rng(5));

        a.Fit(train, epochs: 1, seed: 5);
        b.Fit(train, epochs: 1, seed: 5);

        Assert.Equal(a.StateDict().SelectMany(p => p.Value.ToArray()), b.StateDict().SelectMany(p => p.Value.ToArray()));
    }

    [Fact]
    public void FeaturesOf_ManyImages_AreTheForwardPassesPenultimateActivationsInChunks()
    {
        var classifier = FashionClassifier.LoadShipped(RepoData.Path);
        var images = Tensor.Rand([2500, 784], new Rng(1));

        var features = classifier.FeaturesOf(images);
        var probabilities = classifier.Probabilities(images);

        Assert.Equal([2500, FashionClassifier.FeatureCount], features.Shape);
        Assert.True(features.ToArray().All(v => v >= 0)); // after a ReLU
        var row = images.IndexSelect([2400]);
        TensorAssert.Close(classifier.Features(row).ToArray(), features.IndexSelect([2400]).ToArray(), 1e-5);
        var logits = classifier.Forward(row).ToArray();
        double[] softmax = [.. logits.Select(l => Math.Exp(l - logits.Max()))];
        Assert.Equal(softmax.Select(v => v / softmax.Sum()), probabilities[2400].Select(p => (double)p), new ToleranceComparer(1e-5));
    }

    [Fact]
    public void LoadShipped_MissingWeights_NamesTheFileAndTheCommandThatMakesThem()
    {
        using var temp = new TempDirectory();

        var e = Assert.Throws<FileNotFoundException>(() => FashionClassifier.LoadShipped(temp.Path));

        Assert.Contains(Path.Combine(temp.Path, FashionClassifier.ShippedFileName), e.Message, StringComparison.Ordinal);
        Assert.Contains("gan-notes data classifier", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadShipped_NonFiniteWeights_RefusedNamingTheFile()
    {
        using var temp = new TempDirectory();
        var classifier = new FashionClassifier(new Rng(1));
        classifier.NamedParameters().First().Value.Fill_(float.NaN);
        string path = Path.Combine(temp.Path, FashionClassifier.ShippedFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        classifier.Save(path);

        var e = Assert.Throws<InvalidDataException>(() => FashionClassifier.LoadShipped(temp.Path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
