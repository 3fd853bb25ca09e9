using System.Globalization;
using GanNotes.IO;
using GanNotes.Tensors;

namespace GanNotes.Plots;

/// <summary>
/// Grayscale images (generator samples, dataset digits) tiled into one picture, rows x
/// columns, like torchvision's <c>make_grid</c>; shown in a notebook as a PNG and savable as one.
/// </summary>
/// <remarks>
/// Values map linearly from [<c>min</c>, <c>max</c>] (default [0, 1]; pass -1, 1 for a tanh
/// generator) to 0..255, clamped; NaN becomes black. Each tile is scaled by an integer
/// factor with nearest-neighbour sampling (pixels stay square), and <c>padding</c> pixels of
/// <c>padValue</c> separate the tiles and surround the grid: tile (r, c) starts at
/// x = padding + c (tileWidth·scale + padding), y = padding + r (tileHeight·scale + padding).
/// Grid cells after the last image are filled with <c>padValue</c>.
/// <see cref="WithLabel"/> writes a label into the picture (the epoch under a grid, the recipe
/// over it), so that a saved or copied image still says what it shows.
/// </remarks>
[TypeFormatterSource(typeof(ImageGridFormatterSource), PreferredMimeTypes = [Figure.PngMimeType, Figure.PlainTextMimeType])]
public sealed partial class ImageGrid
{
    private readonly byte[] pixels;

    // What the picture is when it is not a grid of tiles drawn here ("2 pictures side by side",
    // "a picture"); null for a grid, which ToString describes by its tiles.
    private readonly string? composite;

    private ImageGrid(byte[] pixels, int width, int height, int count, int rows, int columns, int tileWidth, int tileHeight, int scale,
        IReadOnlyList<string>? labels = null, string? composite = null)
    {
        this.pixels = pixels;
        (Width, Height, Count, Rows, Columns, TileWidth, TileHeight, Scale) = (width, height, count, rows, columns, tileWidth, tileHeight, scale);
        Labels = labels ?? [];
        this.composite = composite;
    }

    /// <summary>The grid's width in pixels.</summary>
    public int Width { get; }

    /// <summary>The grid's height in pixels.</summary>
    public int Height { get; }

    /// <summary>The number of images shown.</summary>
    public int Count { get; }

    /// <summary>Rows of tiles.</summary>
    public int Rows { get; }

    /// <summary>Tiles per row.</summary>
    public int Columns { get; }

    /// <summary>One image's width before scaling.</summary>
    public int TileWidth { get; }

    /// <summary>One image's height before scaling.</summary>
    public int TileHeight { get; }

    /// <summary>The integer magnification of each image.</summary>
    public int Scale { get; }

    /// <summary>The labels drawn into the picture, in the order they were added (left to right for a <see cref="Row"/>).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>
    /// A grid of the images in a tensor of shape [N, H, W], [N, 1, H, W], or [N, D] with D a
    /// perfect square (MNIST's [N, 784] -> 28 x 28 tiles).
    /// </summary>
    /// <exception cref="ArgumentException">The shape is none of these; the message names it.</exception>
    public static ImageGrid FromTensor(Tensor images, int columns = 8, int scale = 1, int padding = 2, float padValue = 1f, float min = 0f, float max = 1f)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.Shape;
        (int n, int h, int w) = shape.Count switch
        {
            2 => (shape[0], SquareSide(shape[1], shape, nameof(images)), SquareSide(shape[1], shape, nameof(images))),
            3 => (shape[0], shape[1], shape[2]),
            4 when shape[1] == 1 => (shape[0], shape[2], shape[3]),
            _ => throw new ArgumentException($"An image grid needs [N, H*W], [N, H, W] or [N, 1, H, W] grayscale images, got shape [{string.Join(", ", shape)}].", nameof(images)),
        };
        return Build(images.ToArray(), n, h, w, columns, scale, padding, padValue, min, max);
    }

    /// <summary>
    /// A grid of flat images, each <paramref name="tileWidth"/> wide (default: square tiles,
    /// so each image's length must be a perfect square).
    /// </summary>
    /// <exception cref="ArgumentException">The images differ in length or do not fit the tile width.</exception>
    public static ImageGrid FromArrays(IReadOnlyList<float[]> images, int? tileWidth = null, int columns = 8, int scale = 1, int padding = 2, float padValue = 1f, float min = 0f, float max = 1f)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            throw new ArgumentException("An image grid needs at least one image, got none.", nameof(images));
        }
        int length = images[0]?.Length ?? throw new ArgumentException("Image 0 is null.", nameof(images));
        int w = tileWidth ?? SquareSide(length, [images.Count, length], nameof(images));
        if (w <= 0 || length == 0 || length % w != 0)
        {
            throw new ArgumentException($"Images of {length} values cannot be cut into rows of {w} pixels.", nameof(tileWidth));
        }
        var flat = new float[images.Count * length];
        for (int i = 0; i < images.Count; i++)
        {
            if (images[i] is not { } image || image.Length != length)
            {
                throw new ArgumentException($"Image {i} has {images[i]?.Length ?? 0} values but image 0 has {length}; all images must have the same size.", nameof(images));
            }
            image.CopyTo(flat, i * length);
        }
        return Build(flat, images.Count, length / w, w, columns, scale, padding, padValue, min, max);
    }

    /// <summary>
    /// A grid saved as an 8-bit grayscale PNG (a run's samples/epoch_NNN.png), read back as one
    /// picture: its tiles are not recovered, so <see cref="Count"/>, <see cref="Rows"/> and <see cref="Columns"/> are 1.
    /// </summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="shrink">Keep every shrink-th pixel in each direction (2 undoes a grid drawn at scale 2).</param>
    /// <exception cref="InvalidDataException">Not an 8-bit grayscale PNG; the message names the file.</exception>
    public static ImageGrid Load(string path, int shrink = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shrink);
        var (width, height, pixels) = PngReader.DecodeGrayscale(File.ReadAllBytes(path), path);
        int w = (width + shrink - 1) / shrink, h = (height + shrink - 1) / shrink;
        var kept = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                kept[y * w + x] = pixels[y * shrink * width + x * shrink];
            }
        }
        return new ImageGrid(kept, w, h, 1, 1, 1, w, h, 1, composite: APicture);
    }

    /// <summary>Pictures side by side, top-aligned, <paramref name="gap"/> white pixels apart: a strip of grids.</summary>
    /// <exception cref="ArgumentException">No pictures.</exception>
    public static ImageGrid Row(IEnumerable<ImageGrid> pictures, int gap = 8)
    {
        ArgumentNullException.ThrowIfNull(pictures);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        var list = pictures.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A row needs at least one picture.", nameof(pictures));
        }
        int width = list.Sum(p => p.Width) + gap * (list.Count - 1), height = list.Max(p => p.Height);
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        int left = 0;
        foreach (var picture in list)
        {
            for (int y = 0; y < picture.Height; y++)
            {
                picture.pixels.AsSpan(y * picture.Width, picture.Width).CopyTo(pixels.AsSpan(y * width + left));
            }
            left += picture.Width + gap;
        }
        return new ImageGrid(pixels, width, height, list.Sum(p => p.Count), 1, list.Count, width, height, 1, [.. list.SelectMany(p => p.Labels)],
            list.Count == 1 ? APicture : $"{list.Count} pictures side by side");
    }

    /// <summary>
    /// The rectangle of <paramref name="width"/> x <paramref name="height"/> pixels whose top-left
    /// corner is (<paramref name="x"/>, <paramref name="y"/>), as a picture of its own (e.g. the
    /// first rows and columns of a saved grid). Labels are not kept: crop first, then label.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle is empty or reaches outside the picture.</exception>
    public ImageGrid Crop(int x, int y, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (x + width > Width || y + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A {width}x{height} crop at ({x}, {y}) reaches outside the {Width}x{Height} picture.");
        }
        var kept = new byte[width * height];
        for (int row = 0; row < height; row++)
        {
            pixels.AsSpan((y + row) * Width + x, width).CopyTo(kept.AsSpan(row * width));
        }
        return new ImageGrid(kept, width, height, 1, 1, 1, width, height, 1, composite: APicture);
    }

    /// <summary>The grid's gray levels, row-major, one byte per pixel (a copy).</summary>
    public byte[] ToPixels() => (byte[])pixels.Clone();

    /// <summary>The grid as an 8-bit grayscale PNG file's bytes.</summary>
    public byte[] ToPng() => PngWriter.Encode(pixels, Width, Height, PngColorType.Grayscale);

    /// <summary>Writes the PNG to <paramref name="path"/> atomically (temporary file, then rename), creating the folder if needed.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, ToPng());
    }

    /// <summary>An <c>&lt;img&gt;</c> element with the PNG inline (nearest-neighbour scaling if the browser enlarges it).</summary>
    public string ToHtml() => string.Create(CultureInfo.InvariantCulture,
        $"<img src=\"data:image/png;base64,{Convert.ToBase64String(ToPng())}\" width=\"{Width}\" height=\"{Height}\" alt=\"{Count} images\" style=\"image-rendering:pixelated;\">");

    /// <summary>A one-line summary: the tiles of a grid (or what the picture is), its size, and its labels.</summary>
    public override string ToString() => (composite is null
            ? string.Create(CultureInfo.InvariantCulture, $"ImageGrid: {Count} images of {TileWidth}x{TileHeight} in {Rows}x{Columns} tiles, scale {Scale}, {Width}x{Height} pixels")
            : string.Create(CultureInfo.InvariantCulture, $"ImageGrid: {composite}, {Width}x{Height} pixels"))
        + (Labels.Count == 0 ? "" : "; labelled " + string.Join(", ", Labels.Select(l => $"\"{l}\"")));

    private const string APicture = "a picture";

    private static int SquareSide(int length, IReadOnlyList<int> shape, string paramName)
    {
        int side = (int)Math.Round(Math.Sqrt(length));
        return side * side == length && side > 0
            ? side
            : throw new ArgumentException($"Flat images of {length} values are not square; shape [{string.Join(", ", shape)}]. Reshape to [N, H, W] or pass the tile width.", paramName);
    }

    private static ImageGrid Build(float[] values, int n, int h, int w, int columns, int scale, int padding, float padValue, float min, float max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, "images");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (!(min < max))
        {
            throw new ArgumentException($"The value range needs min < max, got [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].", nameof(max));
        }
        columns = Math.Min(columns, n);
        int rows = (n + columns - 1) / columns;
        int cellW = w * scale + padding, cellH = h * scale + padding;
        long area = ((long)columns * cellW + padding) * ((long)rows * cellH + padding);
        if (area > 100_000_000)
        {
            throw new ArgumentException($"The grid would be {columns * cellW + padding}x{rows * cellH + padding} pixels; use fewer images or a smaller scale.", nameof(scale));
        }
        int width = columns * cellW + padding, height = rows * cellH + padding;
        var pixels = new byte[width * height];
        Array.Fill(pixels, ToByte(padValue, 0f, 1f));
        for (int i = 0; i < n; i++)
        {
            int left = padding + (i % columns) * cellW, top = padding + (i / columns) * cellH;
            for (int y = 0; y < h * scale; y++)
            {
                int source = i * h * w + (y / scale) * w;
                int target = (top + y) * width + left;
                for (int x = 0; x < w * scale; x++)
                {
                    pixels[target + x] = ToByte(values[source + x / scale], min, max);
                }
            }
        }
        return new ImageGrid(pixels, width, height, n, rows, columns, w, h, scale);
    }

    private static byte ToByte(float value, float min, float max)
    {
        if (float.IsNaN(value))
        {
            return 0;
        }
        float unit = Math.Clamp((value - min) / (max - min), 0f, 1f);
        return (byte)MathF.Round(unit * 255f);
    }
}
