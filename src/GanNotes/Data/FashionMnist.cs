namespace GanNotes.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, Zalando Research): 70,000 28 x 28 grey
/// images of clothing in 10 classes, a drop-in replacement for MNIST. MIT licence.
/// </summary>
/// <remarks>
/// Shipped with the repository in <c>data/fashion-mnist/</c> (the four official gzip IDX
/// files, from Debian's <c>dataset-fashion-mnist</c>), so it loads offline. Splits: train
/// 60,000 images, test 10,000; pixels in [0, 1], shape [N, 784].
/// </remarks>
public static class FashionMnist
{
    /// <summary>The folder name under the data directory.</summary>
    public const string FolderName = "fashion-mnist";

    /// <summary>The class of each label 0..9, as the dataset's authors name them.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the training (default) or test split from <c>{dataDir}/fashion-mnist/</c>.</summary>
    /// <param name="dataDir">The data folder; null locates it with <see cref="DataDirectory.Locate"/>.</param>
    /// <param name="train">True for the 60,000 training images, false for the 10,000 test images.</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="IdxFormatException">A file is malformed.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="dataDir"/> is null and no data folder was found.</exception>
    public static ImageDataset Load(string? dataDir = null, bool train = true)
    {
        string folder = Path.Combine(dataDir ?? DataDirectory.Locate(), FolderName);
        return MnistFiles.LoadSplit(folder, train, "Fashion-MNIST", ClassNames,
            $"Fashion-MNIST ships with the repository in data/{FolderName}/: restore it from git, or point {DataDirectory.EnvironmentVariable} at a data folder that has it.");
    }
}
