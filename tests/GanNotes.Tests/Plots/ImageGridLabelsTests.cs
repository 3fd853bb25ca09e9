using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Tests.Plots;

/// <summary>Labels written into a grid's pixels (<see cref="ImageGrid.WithLabel"/>), and crops.</summary>
public class ImageGridLabelsTests
{
    private static ImageGrid Gray(int n, float value) => ImageGrid.FromTensor(Tensor.Full([n, 28, 28], value), columns: 4);

    /// <summary>The label's text read back from the pixels: each glyph compared with the font's.</summary>
    private static bool HasText(ImageGrid grid, string text, int x, int y, int scale)
    {
        var pixels = grid.ToPixels();
        for (int i = 0; i < text.Length; i++)
        {
            for (int row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (int column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    int px = x + (i * BitmapFont.Advance + column) * scale, py = y + row * scale;
                    bool ink = pixels[py * grid.Width + px] == 0;
                    if (ink != BitmapFont.Ink(text[i], column, row))
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    [Fact]
    public void WithLabel_Below_CaptionUnderThePictureCentredInBlack()
    {
        var grid = Gray(8, 0.5f);   // 122 x 62 pixels

        var labelled = grid.WithLabel("epoch 3");

        int band = 9 * 2 + 2 * 4;
        Assert.Equal((grid.Width, grid.Height + band), (labelled.Width, labelled.Height));
        var (textWidth, _) = BitmapFont.Measure("epoch 3", 2);
        Assert.True(HasText(labelled, "epoch 3", (grid.Width - textWidth) / 2, grid.Height + 4, 2));
        Assert.Equal(grid.ToPixels(), labelled.ToPixels().AsSpan(0, grid.Width * grid.Height).ToArray()); // the picture untouched
        Assert.All(labelled.ToPixels().Skip(grid.Width * grid.Height), p => Assert.True(p is 0 or 255));
        Assert.Equal(["epoch 3"], labelled.Labels);
    }

    [Fact]
    public void WithLabel_Above_TitleOverThePicture()
    {
        var grid = Gray(8, 0.5f);

        var labelled = grid.WithLabel("fast", LabelPosition.Above, textScale: 1);

        int band = 9 + 2 * 2;
        Assert.Equal(grid.Height + band, labelled.Height);
        Assert.True(HasText(labelled, "fast", (grid.Width - 23) / 2, 2, 1));
        Assert.Equal(grid.ToPixels(), labelled.ToPixels().AsSpan(band * grid.Width).ToArray());
    }

    [Fact]
    public void WithLabel_WiderThanThePicture_WidensItAroundTheCentredPicture()
    {
        var grid = Gray(1, 0f);   // 32 x 32, black

        var labelled = grid.WithLabel("seed004, epoch 250");

        var (textWidth, _) = BitmapFont.Measure("seed004, epoch 250", 2);
        Assert.Equal(textWidth + 8, labelled.Width);
        int left = (labelled.Width - grid.Width) / 2;
        var pixels = labelled.ToPixels();
        Assert.Equal(255, pixels[10 * labelled.Width + left - 1]);      // white beside the picture
        Assert.Equal(0, pixels[10 * labelled.Width + left + 5]);         // the black tile
        Assert.True(HasText(labelled, "seed004, epoch 250", 4, grid.Height + 4, 2));
    }

    [Fact]
    public void WithLabel_Stacked_RowListsEveryLabelAndToStringNamesThem()
    {
        var left = Gray(4, 0.2f).WithLabel("epoch 1").WithLabel("seed004", LabelPosition.Above);
        var right = Gray(4, 0.8f).WithLabel("fast", LabelPosition.Above);

        var row = ImageGrid.Row([left, right]);

        Assert.Equal(["epoch 1", "seed004", "fast"], row.Labels);
        Assert.Equal($"ImageGrid: 2 pictures side by side, {row.Width}x{row.Height} pixels; labelled \"epoch 1\", \"seed004\", \"fast\"", row.ToString());
        Assert.DoesNotContain("labelled", Gray(4, 0.2f).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithLabel_CharacterTheFontLacks_RefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Gray(1, 0f).WithLabel("époque 1"));
        Assert.Contains("'é'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crop_KeepsTheRectangle()
    {
        var values = Enumerable.Range(0, 3 * 4 * 5).Select(i => i / 60f).ToArray();
        var grid = ImageGrid.FromTensor(Tensor.FromArray(values, 3, 4, 5), columns: 3, padding: 0); // 15 x 4

        var crop = grid.Crop(4, 1, 6, 2);

        Assert.Equal((6, 2), (crop.Width, crop.Height));
        Assert.Equal("ImageGrid: a picture, 6x2 pixels", crop.ToString());
        var all = grid.ToPixels();
        Assert.Equal(all.AsSpan(1 * 15 + 4, 6).ToArray().Concat(all.AsSpan(2 * 15 + 4, 6).ToArray()), crop.ToPixels());
    }

    [Fact]
    public void Crop_OutsideThePicture_RefusedNamingTheSizes()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Gray(1, 0f).Crop(10, 0, 30, 5));
        Assert.Contains("A 30x5 crop at (10, 0) reaches outside the 32x32 picture.", e.Message, StringComparison.Ordinal);
    }
}
