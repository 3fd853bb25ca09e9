namespace GanNotes.Data;

/// <summary>
/// The official file names of an MNIST-style dataset (MNIST, Fashion-MNIST), and the
/// loader both share.
/// </summary>
/// <remarks>
/// Each set is four gzip-compressed IDX files in one folder: training images [60000, 28, 28]
/// and labels [60000], test ("t10k") images [10000, 28, 28] and labels [10000].
/// </remarks>
public static class MnistFiles
{
    /// <summary>Training images, IDX magic 0x00000803.</summary>
    public const string TrainImages = "train-images-idx3-ubyte.gz";

    /// <summary>Training labels, IDX magic 0x00000801.</summary>
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";

    /// <summary>Test images, IDX magic 0x00000803.</summary>
    public const string TestImages = "t10k-images-idx3-ubyte.gz";

    /// <summary>Test labels, IDX magic 0x00000801.</summary>
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The side of every image in these sets.</summary>
    public const int ImageSize = 28;

    /// <summary>The four file names, training set first.</summary>
    public static IReadOnlyList<string> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>The image and label file names of the training (<paramref name="train"/>) or test split.</summary>
    public static (string Images, string Labels) ForSplit(bool train) =>
        train ? (TrainImages, TrainLabels) : (TestImages, TestLabels);

    /// <summary>The files of <see cref="All"/> that are missing from <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Missing(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return [.. All.Where(name => !File.Exists(Path.Combine(folder, name)))];
    }

    /// <summary>
    /// Loads one split from <paramref name="folder"/>: reads both IDX files, checks 28 x 28
    /// images, equal counts and labels below the number of classes, scales pixels to [0, 1].
    /// </summary>
    /// <param name="folder">The folder holding the four files.</param>
    /// <param name="train">True for the training split, false for the test split.</param>
    /// <param name="datasetName">The set's display name, e.g. "Fashion-MNIST"; the dataset is named "{datasetName}/train" or "/test".</param>
    /// <param name="classNames">One name per label value.</param>
    /// <param name="missingHint">What to tell the user when a file is missing (one sentence).</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message says what to do.</exception>
    /// <exception cref="IdxFormatException">A file is malformed or the two files disagree.</exception>
    public static ImageDataset LoadSplit(string folder, bool train, string datasetName, IReadOnlyList<string> classNames, string missingHint)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(classNames);
        var (imagesName, labelsName) = ForSplit(train);
        string imagesPath = Path.Combine(folder, imagesName);
        string labelsPath = Path.Combine(folder, labelsName);
        foreach (string path in new[] { imagesPath, labelsPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{datasetName} file not found: {path}. {missingHint}", path);
            }
        }

        var images = IdxReader.ReadImages(imagesPath);
        var labels = IdxReader.ReadLabels(labelsPath);
        int count = images.Dimensions[0], rows = images.Dimensions[1], columns = images.Dimensions[2];
        if (rows != ImageSize || columns != ImageSize)
        {
            throw new IdxFormatException(imagesPath, $"expected {ImageSize} x {ImageSize} images, found {rows} x {columns}");
        }
        if (labels.Length != count)
        {
            throw new IdxFormatException(labelsPath, $"holds {labels.Length} labels but {imagesName} holds {count} images");
        }
        int bad = Array.FindIndex(labels, label => label >= classNames.Count);
        if (bad >= 0)
        {
            throw new IdxFormatException(labelsPath, $"label {labels[bad]} at index {bad} is not a class (expected 0..{classNames.Count - 1})");
        }
        string split = train ? "train" : "test";
        return new ImageDataset($"{datasetName}/{split}", ImageDataset.ScalePixels(images.Data), labels, rows, columns, classNames);
    }
}
