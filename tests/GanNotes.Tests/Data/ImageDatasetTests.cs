using GanNotes.Data;

namespace GanNotes.Tests.Data;

/// <summary>The in-memory dataset: validation, scaling and copies.</summary>
public sealed class ImageDatasetTests
{
    [Fact]
    public void ScalePixels_Bytes_DividesBy255()
    {
        Assert.Equal([0f, 1 / 255f, 128 / 255f, 1f], ImageDataset.ScalePixels([0, 1, 128, 255]));
    }

    [Fact]
    public void Constructor_PixelCountMismatch_NamesCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageDataset("x", new float[7], [0, 1], 2, 2, ["a", "b"]));

        Assert.Contains("Invalid pixel count: 7; 2 images of 2 x 2 need 8.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LabelWithoutClass_NamesLabel()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageDataset("x", new float[8], [0, 2], 2, 2, ["a", "b"]));

        Assert.Contains("Invalid label: 2 at index 1; there are 2 classes.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Take_Count_CopiesFirstImages()
    {
        var set = new ImageDataset("x", [0, 1, 2, 3, 4, 5], [1, 0, 1], 1, 2, ["a", "b"]);

        var head = set.Take(2);

        Assert.Equal(2, head.Count);
        Assert.Equal([0f, 1, 2, 3], head.Pixels.ToArray());
        Assert.Equal([1, 0], head.Labels.ToArray());
        Assert.Equal("x[:2]", head.Name);
    }

    [Fact]
    public void ToTensor_All_ShapeNByPixelsAndIndependentCopy()
    {
        var pixels = new float[] { 0, 0.5f, 1, 0.25f };
        var set = new ImageDataset("x", pixels, [0, 0], 1, 2, ["a"]);

        var t = set.ToTensor();
        t.Fill_(9);

        Assert.Equal([2, 2], t.Shape);
        Assert.Equal(0.5f, set.GetImage(0)[1]);
    }

    [Fact]
    public void GetImage_OutOfRange_Throws()
    {
        var set = new ImageDataset("x", new float[2], [0, 0], 1, 1, ["a"]);

        Assert.Throws<ArgumentOutOfRangeException>(() => set.GetImage(2).Length);
    }
}
