using System.Buffers.Binary;
using GanNotes.Data;

namespace GanNotes.Tests.Data;

/// <summary>Loads the shipped Fashion-MNIST once per class; shared by its tests.</summary>
public sealed class FashionMnistFixture
{
    public ImageDataset Train { get; } = FashionMnist.Load(RepoData.Path, train: true);

    public ImageDataset Test { get; } = FashionMnist.Load(RepoData.Path, train: false);
}

/// <summary>The shipped Fashion-MNIST files load completely and match their raw bytes.</summary>
public sealed class FashionMnistTests(FashionMnistFixture data) : IClassFixture<FashionMnistFixture>
{
    private static string Folder => Path.Combine(RepoData.Path, "fashion-mnist");

    [Fact]
    public void Load_Train_Has60000ImagesOf28By28()
    {
        Assert.Equal(60000, data.Train.Count);
        Assert.Equal(28, data.Train.Height);
        Assert.Equal(28, data.Train.Width);
        Assert.Equal(784, data.Train.PixelsPerImage);
        Assert.Equal(60000 * 784, data.Train.Pixels.Length);
        Assert.Equal("Fashion-MNIST/train", data.Train.Name);
    }

    [Fact]
    public void Load_Test_Has10000Images()
    {
        Assert.Equal(10000, data.Test.Count);
        Assert.Equal(10000 * 784, data.Test.Pixels.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_Labels_AllTenClassesWithinRange(bool train)
    {
        var set = train ? data.Train : data.Test;
        var counts = new int[10];
        foreach (byte label in set.Labels.Span)
        {
            Assert.InRange(label, 0, 9);
            counts[label]++;
        }
        // Fashion-MNIST is balanced: 6,000 (train) or 1,000 (test) images per class.
        Assert.All(counts, c => Assert.Equal(set.Count / 10, c));
    }

    [Theory]
    [InlineData(true, "train")]
    [InlineData(false, "t10k")]
    public void Load_FirstImageAndLabel_MatchRawBytes(bool train, string prefix)
    {
        var set = train ? data.Train : data.Test;
        var images = IdxFixtures.Gunzip(Path.Combine(Folder, $"{prefix}-images-idx3-ubyte.gz"));
        var labels = IdxFixtures.Gunzip(Path.Combine(Folder, $"{prefix}-labels-idx1-ubyte.gz"));
        Assert.Equal(0x00000803, BinaryPrimitives.ReadInt32BigEndian(images));
        Assert.Equal(set.Count, BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4)));
        Assert.Equal(16 + set.Count * 784, images.Length);

        var first = set.GetImage(0);
        for (int k = 0; k < 784; k++)
        {
            Assert.Equal(images[16 + k] / 255f, first[k]);
        }
        var last = set.GetImage(set.Count - 1);
        Assert.Equal(images[^1] / 255f, last[^1]);
        Assert.Equal(labels[8], set.GetLabel(0));
        Assert.Equal(labels[^1], set.GetLabel(set.Count - 1));
    }

    [Fact]
    public void Load_FirstTrainImage_IsAnAnkleBoot()
    {
        // Known from the raw files (python: gzip.open(...).read()[8]): label 9; its pixel bytes sum to 76247.
        Assert.Equal(9, data.Train.GetLabel(0));
        Assert.Equal("Ankle boot", data.Train.ClassNames[data.Train.GetLabel(0)]);
        Assert.Equal(76247, data.Train.GetImage(0).ToArray().Sum(p => (int)MathF.Round(p * 255)));
    }

    [Fact]
    public void Load_Pixels_ScaledToUnitIntervalUsingFullRange()
    {
        var pixels = data.Test.Pixels.Span;
        float min = float.MaxValue, max = float.MinValue;
        foreach (float p in pixels)
        {
            min = Math.Min(min, p);
            max = Math.Max(max, p);
        }
        Assert.Equal(0f, min);
        Assert.Equal(1f, max);
    }

    [Fact]
    public void ClassNames_AreTheTenOfficialNames()
    {
        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            data.Train.ClassNames);
    }

    [Fact]
    public void GetImages_Indices_ReturnsTensorOfThoseRows()
    {
        var batch = data.Test.GetImages([5, 0]);

        Assert.Equal([2, 784], batch.Shape);
        var values = batch.ToArray();
        Assert.Equal(data.Test.GetImage(5).ToArray(), values[..784]);
        Assert.Equal(data.Test.GetImage(0).ToArray(), values[784..]);
    }

    [Fact]
    public void Load_MissingFolder_SaysItShipsWithTheRepository()
    {
        using var temp = new TempDirectory();

        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(temp.Path));

        Assert.Contains("Fashion-MNIST file not found", e.Message, StringComparison.Ordinal);
        Assert.Contains("ships with the repository", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedFiles_MatchTheChecksumsInDataReadme()
    {
        string readme = File.ReadAllText(Path.Combine(RepoData.Path, "README.md"));
        foreach (string name in MnistFiles.All)
        {
            using var stream = File.OpenRead(Path.Combine(Folder, name));
            string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
            Assert.Contains($"{name}` | {new FileInfo(Path.Combine(Folder, name)).Length:N0} | `{sha}`", readme, StringComparison.Ordinal);
        }
    }
}
