using GanNotes.Plots;
using GanNotes.Reports;
using GanNotes.Tensors;

namespace GanNotes.Tests.Reports;

public sealed class SampleGridFileTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void LoadTiles_TopLeftTilesOfASavedGrid_AtTheSavedSize()
    {
        // 64 images, each of one gray level k/64, saved as a run saves its samples.
        var values = Enumerable.Range(0, 64).SelectMany(k => Enumerable.Repeat(k / 64f, 784)).ToArray();
        var saved = SampleGridFile.Draw(Tensor.FromArray(values, 64, 784));
        string path = temp.Combine("epoch_001.png");
        saved.Save(path);

        var tiles = SampleGridFile.LoadTiles(path, rows: 3, columns: 4);

        int cell = 28 * SampleGridFile.Scale + SampleGridFile.Padding;
        Assert.Equal((2 + 4 * cell, 2 + 3 * cell), (tiles.Width, tiles.Height));
        var pixels = tiles.ToPixels();
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                int k = r * 8 + c;   // the saved grid has 8 columns
                int x = 2 + c * cell + 20, y = 2 + r * cell + 20;
                Assert.Equal((byte)MathF.Round(k / 64f * 255f), pixels[y * tiles.Width + x]);
            }
        }
    }

    [Fact]
    public void LoadTiles_NotASampleGrid_RefusedNamingTheFile()
    {
        string path = temp.Combine("other.png");
        ImageGrid.FromTensor(Tensor.Zeros(3, 28, 28), columns: 3).Save(path);

        var e = Assert.Throws<InvalidDataException>(() => SampleGridFile.LoadTiles(path, 1, 1));

        Assert.StartsWith($"{path}: 92 pixels wide is not a sample grid of 8 columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadTiles_MoreRowsThanSaved_RefusedNamingTheFile()
    {
        string path = temp.Combine("epoch_002.png");
        SampleGridFile.Draw(Tensor.Zeros(16, 784)).Save(path);

        var e = Assert.Throws<InvalidDataException>(() => SampleGridFile.LoadTiles(path, 3, 8));

        Assert.Equal($"{path}: 3 rows of tiles need 176 pixels, but the grid is 118 high.", e.Message);
    }
}
