using System.Globalization;
using GanNotes.Plots;

namespace GanNotes.Reports;

/// <summary>
/// A run's sample grid file, samples/epoch_NNN.png: G's samples of the fixed noise in
/// <see cref="Columns"/> columns, each tile drawn at <see cref="Scale"/> times its size with
/// <see cref="Padding"/> white pixels around it. Knowing that layout, part of a saved grid can be
/// read back: the first rows and columns of tiles, at full size.
/// </summary>
public static class SampleGridFile
{
    /// <summary>Tiles per row.</summary>
    public const int Columns = 8;

    /// <summary>The magnification of each tile.</summary>
    public const int Scale = 2;

    /// <summary>White pixels between tiles and around the grid.</summary>
    public const int Padding = 2;

    /// <summary>Draws <paramref name="samples"/> ([N, 784] or [N, H, W]) in the file's layout.</summary>
    public static ImageGrid Draw(Tensors.Tensor samples) =>
        ImageGrid.FromTensor(samples, columns: Columns, scale: Scale, padding: Padding);

    /// <summary>
    /// The top-left <paramref name="rows"/> x <paramref name="columns"/> tiles of a saved sample
    /// grid, at the size they were saved (e.g. 4 x 4 tiles of 56 pixels from a grid of 8 x 8).
    /// </summary>
    /// <param name="path">A samples/epoch_NNN.png file.</param>
    /// <param name="rows">Rows of tiles to keep, from the top.</param>
    /// <param name="columns">Columns of tiles to keep, from the left (at most <see cref="Columns"/>).</param>
    /// <exception cref="InvalidDataException">The file is not a grid in this layout, or has fewer rows; the message names it.</exception>
    public static ImageGrid LoadTiles(string path, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, Columns);
        var grid = ImageGrid.Load(path);
        int cell = (grid.Width - Padding) / Columns;
        if ((grid.Width - Padding) % Columns != 0 || cell <= Padding || (cell - Padding) % Scale != 0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {grid.Width} pixels wide is not a sample grid of {Columns} columns at scale {Scale} with {Padding}-pixel padding."));
        }
        int height = Padding + rows * cell;
        if (height > grid.Height)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {rows} rows of tiles need {height} pixels, but the grid is {grid.Height} high."));
        }
        return grid.Crop(0, 0, Padding + columns * cell, height);
    }
}
