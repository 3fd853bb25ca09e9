namespace GanNotes.Plots;

public sealed partial class ImageGrid
{
    /// <summary>White pixels between a label and the band's edges, at text scale 1 (they grow with the scale).</summary>
    private const int LabelMargin = 2;

    /// <summary>
    /// The picture with <paramref name="text"/> written into it: a white band above or below the
    /// picture, the text centred on it in black with the built-in <see cref="BitmapFont"/>. A
    /// label wider than the picture widens it, the picture centred on white.
    /// </summary>
    /// <remarks>
    /// The band is (9 + 4)·textScale pixels high: the glyphs' 9 rows and a margin of 2 font
    /// pixels above and below. Labels stack: label a grid below with its epoch, then above with
    /// its recipe. <see cref="Labels"/> lists them, and <see cref="ToString"/> names them, so a
    /// notebook's text output says what the image says.
    /// </remarks>
    /// <param name="text">One line of printable ASCII, e.g. "epoch 20".</param>
    /// <param name="position">Above (a title) or below (a caption; the default).</param>
    /// <param name="textScale">Pixels per font pixel (default 2: letters 10 x 14 pixels, readable beside 28 x 28 tiles).</param>
    /// <exception cref="ArgumentException">The text is empty or holds a character the font cannot draw; the message names it.</exception>
    public ImageGrid WithLabel(string text, LabelPosition position = LabelPosition.Below, int textScale = 2)
    {
        var (textWidth, textHeight) = BitmapFont.Measure(text, textScale);
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"A label goes {LabelPosition.Above} or {LabelPosition.Below} the picture, not {position}.");
        }
        int margin = LabelMargin * textScale;
        int band = textHeight + 2 * margin;
        int width = Math.Max(Width, textWidth + 2 * margin), height = Height + band;
        var labelled = new byte[width * height];
        Array.Fill(labelled, (byte)255);
        int pictureLeft = (width - Width) / 2, pictureTop = position == LabelPosition.Above ? band : 0;
        for (int y = 0; y < Height; y++)
        {
            pixels.AsSpan(y * Width, Width).CopyTo(labelled.AsSpan((pictureTop + y) * width + pictureLeft));
        }
        int textTop = (position == LabelPosition.Above ? 0 : Height) + margin;
        BitmapFont.Draw(labelled, width, text, (width - textWidth) / 2, textTop, textScale, ink: 0);
        return new ImageGrid(labelled, width, height, Count, Rows, Columns, TileWidth, TileHeight, Scale, [.. Labels, text], composite);
    }
}
