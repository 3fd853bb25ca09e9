using System.Globalization;
using System.Text.RegularExpressions;

namespace GanNotes.Gan;

/// <summary>
/// The layout of a training run's folder, as <see cref="TrainingRun"/> writes it:
/// <code>
/// config.json                       the recipe, the GanNotes version, steps per epoch (RunConfig)
/// history.csv                       one StepRecord per generator step (RunHistory)
/// checkpoints/last.safetensors      the complete state after the last epoch (or at a stop)
/// checkpoints/epoch_NNN.safetensors at sample epochs, when the recipe keeps them (toy data, or --keep-checkpoints)
/// samples/epoch_NNN.png             G(fixed z) as an image grid, or a chart for toy data
/// loss.html, loss.png               D and G losses per step, written when training completes
/// evaluation.csv                    scores per evaluated checkpoint, written by gan-notes evaluate
/// </code>
/// </summary>
/// <remarks>
/// Only the last checkpoint is kept for image runs: the MLP GAN's networks with Adam's state are
/// about 25 MB per checkpoint, 6 GB for a 250-epoch run if every epoch were kept.
/// </remarks>
public static partial class RunFolder
{
    /// <summary>The recipe file.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>The per-step history.</summary>
    public const string HistoryFileName = "history.csv";

    /// <summary>The folder of checkpoints.</summary>
    public const string CheckpointsFolderName = "checkpoints";

    /// <summary>The folder of sample images.</summary>
    public const string SamplesFolderName = "samples";

    /// <summary>The interactive loss chart.</summary>
    public const string LossHtmlFileName = "loss.html";

    /// <summary>The static loss chart.</summary>
    public const string LossPngFileName = "loss.png";

    /// <summary>The history's mean per epoch (<see cref="RunHistory.EpochMeans"/>).</summary>
    public const string EpochsFileName = "epochs.csv";

    /// <summary>The slider of every sample grid (image runs).</summary>
    public const string ProgressHtmlFileName = "progress.html";

    /// <summary>The strip of sample grids, the slider's static image.</summary>
    public const string ProgressPngFileName = "progress.png";

    /// <summary>The path of config.json in <paramref name="directory"/>.</summary>
    public static string ConfigPath(string directory) => Path.Combine(directory, ConfigFileName);

    /// <summary>The path of history.csv.</summary>
    public static string HistoryPath(string directory) => Path.Combine(directory, HistoryFileName);

    /// <summary>The path of checkpoints/last.safetensors.</summary>
    public static string LastCheckpointPath(string directory) => Path.Combine(directory, CheckpointsFolderName, "last.safetensors");

    /// <summary>The path of checkpoints/epoch_NNN.safetensors.</summary>
    public static string EpochCheckpointPath(string directory, int epoch) =>
        Path.Combine(directory, CheckpointsFolderName, string.Create(CultureInfo.InvariantCulture, $"epoch_{epoch:D3}.safetensors"));

    /// <summary>The path of samples/epoch_NNN.png.</summary>
    public static string SamplePath(string directory, int epoch) =>
        Path.Combine(directory, SamplesFolderName, string.Create(CultureInfo.InvariantCulture, $"epoch_{epoch:D3}.png"));

    /// <summary>The path of loss.html.</summary>
    public static string LossHtmlPath(string directory) => Path.Combine(directory, LossHtmlFileName);

    /// <summary>The path of loss.png.</summary>
    public static string LossPngPath(string directory) => Path.Combine(directory, LossPngFileName);

    /// <summary>The path of epochs.csv.</summary>
    public static string EpochsPath(string directory) => Path.Combine(directory, EpochsFileName);

    /// <summary>The path of progress.html.</summary>
    public static string ProgressHtmlPath(string directory) => Path.Combine(directory, ProgressHtmlFileName);

    /// <summary>The path of progress.png.</summary>
    public static string ProgressPngPath(string directory) => Path.Combine(directory, ProgressPngFileName);

    /// <summary>The sample images written so far (samples/epoch_NNN.png), by epoch.</summary>
    public static IReadOnlyList<(int Epoch, string Path)> Samples(string directory) =>
        ByEpoch(Path.Combine(directory, SamplesFolderName), "epoch_*.png", SampleFile());

    /// <summary>The kept per-epoch checkpoints, by epoch.</summary>
    public static IReadOnlyList<(int Epoch, string Path)> EpochCheckpoints(string directory) =>
        ByEpoch(Path.Combine(directory, CheckpointsFolderName), "epoch_*.safetensors", EpochFile());

    private static IReadOnlyList<(int Epoch, string Path)> ByEpoch(string folder, string pattern, Regex name)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(folder, pattern)
            .Select(path => (Match: name.Match(Path.GetFileName(path)), Path: path))
            .Where(f => f.Match.Success)
            .Select(f => (int.Parse(f.Match.Groups[1].Value, CultureInfo.InvariantCulture), f.Path))
            .OrderBy(f => f.Item1)];
    }

    /// <summary>
    /// The run's trainer restored from a checkpoint (default: the last), without its training
    /// data: for drawing samples from G, not for training on.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder has no config.json, or no such checkpoint (the run has not finished an epoch).</exception>
    /// <exception cref="InvalidDataException">config.json or the checkpoint is damaged or does not fit.</exception>
    public static GanTrainer LoadForSampling(string directory, string? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var config = RunConfig.Read(ConfigPath(directory));
        string path = checkpoint ?? LastCheckpointPath(directory);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: the run has no checkpoint yet (one is written at the end of every epoch).", path);
        }
        var recipe = config.Recipe;
        var trainer = RunBuilder.Trainer(recipe, new SamplingOnlySampler(recipe.DataDimension, config.StepsPerEpoch * recipe.K));
        GanCheckpoint.Load(trainer, path);
        return trainer;
    }

    [GeneratedRegex(@"^epoch_(\d+)\.safetensors$")]
    private static partial Regex EpochFile();

    [GeneratedRegex(@"^epoch_(\d+)\.png$")]
    private static partial Regex SampleFile();
}
