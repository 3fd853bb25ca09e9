using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.IO;
using GanNotes.Plots;
using GanNotes.Tensors;

namespace GanNotes.Reports;

/// <summary>
/// Draws samples G(z) from a trained generator and writes them as PNG grids (Plots), IDX ubyte
/// files or NumPy .npy arrays (the writers sit in Data, beside the reader), so any tool can look
/// at them or score them. Files are written
/// atomically: a failed export leaves no partial file.
/// </summary>
public static class SampleExport
{
    /// <summary>
    /// <paramref name="count"/> samples G(z), z drawn from p_z with a generator seeded by
    /// <paramref name="seed"/> (the same seed gives the same samples), in evaluation mode, shape [count, d].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static Tensor Generate(GanTrainer trainer, int count, ulong seed) => GeneratorSamples.Draw(trainer, count, seed);

    /// <summary>The format a file name asks for: <c>.png</c>, <c>.npy</c>, or <c>.idx</c>/<c>-ubyte</c>/<c>.idx3-ubyte</c>; null when the extension says nothing.</summary>
    public static SampleFormat? FormatFromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path).ToLowerInvariant();
        return name.EndsWith(".png", StringComparison.Ordinal) ? SampleFormat.Png
            : name.EndsWith(".npy", StringComparison.Ordinal) ? SampleFormat.Npy
            : name.EndsWith(".idx", StringComparison.Ordinal) || name.EndsWith("-ubyte", StringComparison.Ordinal) ? SampleFormat.Idx
            : null;
    }

    /// <summary>Writes <paramref name="samples"/> [N, d] to <paramref name="path"/> in <paramref name="format"/>, atomically.</summary>
    /// <exception cref="ArgumentException">PNG or IDX asked for samples that are not square images (toy data: use npy).</exception>
    public static void Save(Tensor samples, string path, SampleFormat format)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes = format switch
        {
            SampleFormat.Png => ToPng(samples),
            SampleFormat.Idx => IdxWriter.Images(Square(samples, "idx")),
            SampleFormat.Npy => NpyWriter.Write(samples),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown sample format: {format}."),
        };
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>An image grid of the samples, about square (columns = ceil(sqrt(N))).</summary>
    public static byte[] ToPng(Tensor images)
    {
        var square = Square(images, "png");
        return ImageGrid.FromTensor(images, columns: (int)Math.Ceiling(Math.Sqrt(square.Shape[0]))).ToPng();
    }

    /// <summary>The samples [N, side*side] as images [N, side, side]; refused for points that are not square images.</summary>
    private static Tensor Square(Tensor samples, string format)
    {
        int n = Rows(samples, out int d);
        int side = RequireSquare(d, format);
        return samples.Reshape(n, side, side);
    }

    private static int Rows(Tensor samples, out int d)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Rank != 2 || samples.Shape[0] < 1)
        {
            throw new ArgumentException($"Samples must be a non-empty [N, d] tensor, got shape [{string.Join(", ", samples.Shape)}].", nameof(samples));
        }
        d = samples.Shape[1];
        return samples.Shape[0];
    }

    private static int RequireSquare(int d, string format)
    {
        int side = (int)Math.Round(Math.Sqrt(d));
        return side * side == d && d > 4
            ? side
            : throw new ArgumentException($"{format} holds square images, but these samples are {d}-dimensional points: export them as npy.");
    }
}
