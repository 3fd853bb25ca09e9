using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Tests.Plots;

public class ImageGridTests
{
    [Fact]
    public void FromTensor_KnownTiles_PositionsScalingAndPaddingRoundTrip()
    {
        // Three 2x2 images (values k/10 + pixel/100), 2 columns, scale 2, padding 1 of gray 0.5.
        var values = new float[3 * 4];
        for (int k = 0; k < 3; k++)
        {
            for (int p = 0; p < 4; p++)
            {
                values[k * 4 + p] = k / 10f + p / 100f;
            }
        }
        var grid = ImageGrid.FromTensor(Tensor.FromArray(values, 3, 2, 2), columns: 2, scale: 2, padding: 1, padValue: 0.5f);
        Assert.Equal((2, 2, 11, 11), (grid.Rows, grid.Columns, grid.Width, grid.Height));

        var png = PngTestDecoder.Decode(grid.ToPng());
        Assert.Equal((11, 11, 0), (png.Width, png.Height, png.ColorType));
        Assert.All(png.RowFilters, f => Assert.Equal(0, f));
        byte pad = 128;
        for (int y = 0; y < 11; y++)
        {
            for (int x = 0; x < 11; x++)
            {
                // Cells are 5 pixels (4 image + 1 padding) after a 1-pixel border.
                int cx = (x - 1) / 5, cy = (y - 1) / 5, ix = (x - 1) % 5, iy = (y - 1) % 5;
                int k = cy * 2 + cx;
                bool inImage = x >= 1 && y >= 1 && ix < 4 && iy < 4 && k < 3;
                byte expected = inImage
                    ? (byte)MathF.Round((k / 10f + ((iy / 2) * 2 + ix / 2) / 100f) * 255f)
                    : pad;
                Assert.True(expected == png.Pixel(x, y)[0], $"pixel ({x}, {y}): expected {expected}, got {png.Pixel(x, y)[0]}");
            }
        }
    }

    [Fact]
    public void FromTensor_FlatMnistShape_Makes28By28Tiles()
    {
        var grid = ImageGrid.FromTensor(Tensor.Rand([10, 784], new Rng(3)), columns: 5);
        Assert.Equal((28, 28, 2, 5), (grid.TileWidth, grid.TileHeight, grid.Rows, grid.Columns));
        Assert.Equal((5 * 30 + 2, 2 * 30 + 2), (grid.Width, grid.Height));
        var png = PngTestDecoder.Decode(grid.ToPng());
        Assert.Equal((grid.Width, grid.Height), (png.Width, png.Height));
    }

    [Fact]
    public void FromTensor_ChannelDimension_Accepted()
    {
        var grid = ImageGrid.FromTensor(Tensor.Zeros(4, 1, 3, 5), padding: 0);
        Assert.Equal((5, 3, 20, 3), (grid.TileWidth, grid.TileHeight, grid.Width, grid.Height));
    }

    [Fact]
    public void FromTensor_OutOfRangeAndNaN_ClampedAndBlack()
    {
        var grid = ImageGrid.FromTensor(Tensor.FromArray([-1f, 2f, float.NaN, 0.5f], 1, 2, 2), padding: 0);
        Assert.Equal(new byte[] { 0, 255, 0, 128 }, grid.ToPixels());
    }

    [Fact]
    public void FromTensor_TanhRange_MapsMinusOneToBlackAndOneToWhite()
    {
        var grid = ImageGrid.FromTensor(Tensor.FromArray([-1f, 0f, 1f, 0.5f], 1, 2, 2), padding: 0, min: -1f, max: 1f);
        Assert.Equal(new byte[] { 0, 128, 255, 191 }, grid.ToPixels());
    }

    [Fact]
    public void FromTensor_NonSquareFlat_ThrowsNamingShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImageGrid.FromTensor(Tensor.Zeros(3, 10)));
        Assert.Contains("[3, 10]", ex.Message, StringComparison.Ordinal);
        var ex1d = Assert.Throws<ArgumentException>(() => ImageGrid.FromTensor(Tensor.Zeros(16)));
        Assert.Contains("[16]", ex1d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArrays_JaggedImages_SameAsTensor()
    {
        float[][] images = [[0f, 0.25f, 0.5f, 1f], [1f, 1f, 0f, 0f], [0.1f, 0.2f, 0.3f, 0.4f]];
        var fromArrays = ImageGrid.FromArrays(images, columns: 3, scale: 3, padding: 2, padValue: 0f);
        var fromTensor = ImageGrid.FromTensor(Tensor.FromArray(images.SelectMany(i => i).ToArray(), 3, 2, 2), columns: 3, scale: 3, padding: 2, padValue: 0f);
        Assert.Equal(fromTensor.ToPixels(), fromArrays.ToPixels());
        Assert.Equal(fromTensor.ToPng(), fromArrays.ToPng());
    }

    [Fact]
    public void FromArrays_DifferentLengths_ThrowsNamingImage()
    {
        var ex = Assert.Throws<ArgumentException>(() => ImageGrid.FromArrays([new float[4], new float[9]]));
        Assert.Contains("Image 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArrays_ExplicitTileWidth_AllowsRectangles()
    {
        var grid = ImageGrid.FromArrays([new float[6], new float[6]], tileWidth: 3, padding: 0);
        Assert.Equal((3, 2, 6, 2), (grid.TileWidth, grid.TileHeight, grid.Width, grid.Height));
    }

    [Fact]
    public void Save_Path_WritesSamePngAtomically()
    {
        var dir = Directory.CreateTempSubdirectory("gannotes-test-");
        try
        {
            var grid = ImageGrid.FromTensor(Tensor.Rand([4, 16], new Rng(9)), columns: 2, scale: 2);
            string path = Path.Combine(dir.FullName, "samples", "epoch1.png");
            grid.Save(path);
            Assert.Equal(grid.ToPng(), File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ToHtml_And_ToString_DescribeGrid()
    {
        var grid = ImageGrid.FromTensor(Tensor.Zeros(3, 4, 4), columns: 2);
        Assert.StartsWith("<img src=\"data:image/png;base64,", grid.ToHtml(), StringComparison.Ordinal);
        Assert.Equal("ImageGrid: 3 images of 4x4 in 2x2 tiles, scale 1, 14x14 pixels", grid.ToString());
    }
}
