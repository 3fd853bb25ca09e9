namespace GanNotes.Data;

/// <summary>
/// MNIST (LeCun, Cortes and Burges): 70,000 28 x 28 grey images of handwritten digits
/// 0-9, the dataset of the GAN paper's first experiment (Goodfellow et al. 2014, Sec. 5).
/// </summary>
/// <remarks>
/// Not shipped: <c>gan-notes data fetch mnist</c> (<see cref="MnistDownloader"/>) downloads
/// the four files into <c>data/mnist/</c> with SHA-256 checks, or copy them there by hand.
/// Loading never downloads. Splits: train 60,000, test 10,000; pixels in [0, 1], shape [N, 784].
/// </remarks>
public static class Mnist
{
    /// <summary>The folder name under the data directory.</summary>
    public const string FolderName = "mnist";

    /// <summary>The class of each label: the digits "0" to "9".</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Whether all four MNIST files are in <c>{dataDir}/mnist/</c> (null: the located data folder, if any).</summary>
    public static bool IsAvailable(string? dataDir = null)
    {
        string? root = dataDir ?? DataDirectory.TryLocate();
        return root is not null && MnistFiles.Missing(Path.Combine(root, FolderName)).Count == 0;
    }

    /// <summary>Loads the training (default) or test split from <c>{dataDir}/mnist/</c>.</summary>
    /// <param name="dataDir">The data folder; null locates it with <see cref="DataDirectory.Locate"/>.</param>
    /// <param name="train">True for the 60,000 training images, false for the 10,000 test images.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to fetch it.</exception>
    /// <exception cref="IdxFormatException">A file is malformed.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="dataDir"/> is null and no data folder was found.</exception>
    public static ImageDataset Load(string? dataDir = null, bool train = true)
    {
        string folder = Path.Combine(dataDir ?? DataDirectory.Locate(), FolderName);
        return MnistFiles.LoadSplit(folder, train, "MNIST", ClassNames,
            $"Run `gan-notes data fetch mnist` to download it, or offline copy the four files ({string.Join(", ", MnistFiles.All)}) into {folder}.");
    }
}
