using System.Collections.ObjectModel;
using GanNotes.Tensors;

namespace GanNotes.Data;

/// <summary>
/// A labelled set of grey-scale images with pixels scaled to [0, 1] (PyTorch's
/// <c>torchvision.datasets.MNIST</c> with <c>ToTensor()</c>, flattened).
/// </summary>
/// <remarks>
/// Storage: one float32 array of shape [N, H*W], row-major, image i at offset i*H*W, pixel
/// (r, c) at r*W + c. A byte b of an IDX file becomes b / 255, so 0 is the background and
/// 1 full ink. Labels are class indices 0..C-1 into <see cref="ClassNames"/>.
/// The dataset is read-only; tensors returned from it are copies.
/// </remarks>
public sealed class ImageDataset
{
    private readonly float[] pixels;
    private readonly byte[] labels;

    /// <summary>Creates a dataset over <paramref name="pixels"/> (not copied) and <paramref name="labels"/> (not copied).</summary>
    /// <param name="name">A short name for messages and plots, e.g. "Fashion-MNIST/train".</param>
    /// <param name="pixels">N*H*W values in [0, 1], image after image.</param>
    /// <param name="labels">N class indices, each below <paramref name="classNames"/>.Count.</param>
    /// <param name="height">H, rows per image.</param>
    /// <param name="width">W, columns per image.</param>
    /// <param name="classNames">The name of each class, indexed by label.</param>
    /// <exception cref="ArgumentException">The sizes disagree or a label has no class name.</exception>
    public ImageDataset(string name, float[] pixels, byte[] labels, int height, int width, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        long expected = (long)labels.Length * height * width;
        if (pixels.Length != expected)
        {
            throw new ArgumentException(
                $"Invalid pixel count: {pixels.Length}; {labels.Length} images of {height} x {width} need {expected}.", nameof(pixels));
        }
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classNames.Count)
            {
                throw new ArgumentException(
                    $"Invalid label: {labels[i]} at index {i}; there are {classNames.Count} classes.", nameof(labels));
            }
        }
        Name = name;
        this.pixels = pixels;
        this.labels = labels;
        Height = height;
        Width = width;
        ClassNames = new ReadOnlyCollection<string>([.. classNames]);
    }

    /// <summary>A short name, e.g. "Fashion-MNIST/train".</summary>
    public string Name { get; }

    /// <summary>N, the number of images.</summary>
    public int Count => labels.Length;

    /// <summary>H, rows per image (28 for MNIST-style sets).</summary>
    public int Height { get; }

    /// <summary>W, columns per image (28 for MNIST-style sets).</summary>
    public int Width { get; }

    /// <summary>H*W, the length of one flattened image (784 for MNIST-style sets).</summary>
    public int PixelsPerImage => Height * Width;

    /// <summary>The name of each class, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>All pixels, shape [N, H*W] row-major, values in [0, 1].</summary>
    public ReadOnlyMemory<float> Pixels => pixels;

    /// <summary>All labels, shape [N].</summary>
    public ReadOnlyMemory<byte> Labels => labels;

    /// <summary>The label of image <paramref name="index"/>.</summary>
    public int GetLabel(int index) => labels[index];

    /// <summary>The H*W pixels of image <paramref name="index"/>, row by row.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, N).</exception>
    public ReadOnlySpan<float> GetImage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>The images at <paramref name="indices"/> as a new tensor of shape [m, H*W] (m = indices.Length).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, N).</exception>
    public Tensor GetImages(ReadOnlySpan<int> indices)
    {
        int d = PixelsPerImage;
        var batch = Tensor.Uninitialized([indices.Length, d], Device.Cpu); // every row is copied over
        var values = batch.Span;
        for (int row = 0; row < indices.Length; row++)
        {
            GetImage(indices[row]).CopyTo(values.Slice(row * d, d));
        }
        return batch;
    }

    /// <summary>All images as a new tensor of shape [N, H*W] (a copy: N*H*W*4 bytes).</summary>
    public Tensor ToTensor() => Tensor.FromArray(pixels, Count, PixelsPerImage);

    /// <summary>The first <paramref name="count"/> images (copied), e.g. a small subset for a quick run.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above N.</exception>
    public ImageDataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new ImageDataset(
            $"{Name}[:{count}]", pixels[..(count * PixelsPerImage)], labels[..count], Height, Width, ClassNames);
    }

    /// <summary>Scales IDX bytes to [0, 1]: x = b / 255.</summary>
    public static float[] ScalePixels(ReadOnlySpan<byte> bytes)
    {
        var result = new float[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            result[i] = bytes[i] / 255f;
        }
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Count} images of {Height} x {Width}, {ClassNames.Count} classes";
}
