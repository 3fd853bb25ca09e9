using GanNotes.Data;

namespace GanNotes.Tests.Data;

/// <summary>MNIST loading from a folder of fixture files (the real files are not shipped), and its errors.</summary>
public sealed class MnistTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string MnistFolder => temp.Combine("mnist");

    [Fact]
    public void Load_CompleteFolder_ReadsBothSplits()
    {
        IdxFixtures.WriteMnistFolder(MnistFolder, [7, 2, 1], [0, 9]);

        var train = Mnist.Load(temp.Path);
        var test = Mnist.Load(temp.Path, train: false);

        Assert.Equal(3, train.Count);
        Assert.Equal(2, test.Count);
        Assert.Equal([7, 2, 1], train.Labels.ToArray());
        Assert.Equal("MNIST/test", test.Name);
        Assert.Equal("7", train.ClassNames[7]);
        // Fixture pixel k of the training file is (1 + k) mod 256.
        Assert.Equal(1 / 255f, train.GetImage(0)[0]);
        Assert.Equal(1f, train.GetImage(0)[254]);
        Assert.Equal(0f, train.GetImage(0)[255]);
    }

    [Fact]
    public void IsAvailable_CompleteAndIncompleteFolder_ReportsPresence()
    {
        Assert.False(Mnist.IsAvailable(temp.Path));
        IdxFixtures.WriteMnistFolder(MnistFolder, [1], [2]);
        Assert.True(Mnist.IsAvailable(temp.Path));
        File.Delete(Path.Combine(MnistFolder, MnistFiles.TestLabels));
        Assert.False(Mnist.IsAvailable(temp.Path));
    }

    [Fact]
    public void Load_MissingFiles_SaysToFetchOrDropFilesIn()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(temp.Path));

        Assert.Contains("MNIST file not found: " + Path.Combine(MnistFolder, MnistFiles.TrainImages), e.Message, StringComparison.Ordinal);
        Assert.Contains("gan-notes data fetch mnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("offline copy the four files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) into " + MnistFolder, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_CountMismatch_NamesBothFiles()
    {
        IdxFixtures.WriteMnistFolder(MnistFolder, [1, 2, 3], [0]);
        File.WriteAllBytes(Path.Combine(MnistFolder, MnistFiles.TrainLabels), IdxFixtures.Gzip(IdxFixtures.Labels(1, 2)));

        var e = Assert.Throws<IdxFormatException>(() => Mnist.Load(temp.Path));

        Assert.Equal($"{Path.Combine(MnistFolder, MnistFiles.TrainLabels)}: holds 2 labels but train-images-idx3-ubyte.gz holds 3 images", e.Message);
    }

    [Fact]
    public void Load_LabelOutOfRange_NamesLabelAndIndex()
    {
        IdxFixtures.WriteMnistFolder(MnistFolder, [1, 10], [0]);

        var e = Assert.Throws<IdxFormatException>(() => Mnist.Load(temp.Path));

        Assert.Contains("label 10 at index 1 is not a class (expected 0..9)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ImagesNot28By28_Refused()
    {
        IdxFixtures.WriteMnistFolder(MnistFolder, [1], [0]);
        File.WriteAllBytes(Path.Combine(MnistFolder, MnistFiles.TrainImages), IdxFixtures.Gzip(IdxFixtures.Images(1, 14, 14)));

        var e = Assert.Throws<IdxFormatException>(() => Mnist.Load(temp.Path));

        Assert.Contains("expected 28 x 28 images, found 14 x 14", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Never_ContactsTheNetwork()
    {
        // Loading is offline by design: with nothing present it fails at once, it does not fetch.
        var e = Record.Exception(() => Mnist.Load(temp.Path));

        Assert.IsType<FileNotFoundException>(e);
        Assert.Empty(temp.FileNames());
    }
}
