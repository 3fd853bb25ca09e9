using System.CommandLine;
using System.Globalization;
using GanNotes.Data;
using Spectre.Console;

namespace GanNotes.Cli.Commands;

/// <summary>
/// <c>gan-notes data list</c> (which datasets are present, with counts) and
/// <c>gan-notes data fetch mnist [--dir DIR] [--mirror URL]</c> (download MNIST with SHA-256 checks).
/// </summary>
/// <remarks>
/// Output goes to the invocation's output writer: a live progress bar and a table on a
/// terminal, plain lines otherwise (CI, tests, redirected output). Errors are one line on
/// the error writer; exit code 1 for a failed download or unreadable folder, 2 for a bad option.
/// </remarks>
internal static class DataCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string FetchExamples =
        """
          Download MNIST into data/mnist/ (about 11 MB; files already there and valid are skipped):
            gan-notes data fetch mnist

          From another mirror, into another folder:
            gan-notes data fetch mnist --mirror https://storage.googleapis.com/cvdf-datasets/mnist/ --dir /tmp/mnist

          Offline: copy train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz
          and t10k-labels-idx1-ubyte.gz into data/mnist/ instead.

        """;

    /// <summary>Builds the <c>data</c> command, choosing live or plain output from the console itself.</summary>
    public static Command Create() =>
        Create(new CliContext(Interactive: !Console.IsOutputRedirected), []);

    /// <summary>Builds the <c>data</c> command with its <c>list</c> and <c>fetch</c> subcommands.</summary>
    /// <param name="context">How the program was started (live progress on a terminal, plain lines otherwise).</param>
    /// <param name="examples">Receives the help examples of the subcommands.</param>
    public static Command Create(CliContext context, Dictionary<Command, string> examples)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(examples);
        var data = new Command("data", "Datasets: list what is present; fetch MNIST on request (Fashion-MNIST ships with the repository); retrain the Fashion-MNIST classifier that evaluate scores with.");
        data.Subcommands.Add(CreateList(context));
        var fetch = CreateFetch(context);
        examples[fetch] = FetchExamples;
        data.Subcommands.Add(fetch);
        data.Subcommands.Add(ClassifierCommand.Create(context, examples));
        return data;
    }

    private static Command CreateList(CliContext context)
    {
        var dataOption = OptionParsers.DataFolder();
        var list = new Command("list",
            "Show which datasets are present in the data folder, with image counts. Every file is read in full and checked as "
            + "train reads it (gzip CRC, IDX header, size); exits 1 when any present dataset is incomplete or invalid.");
        list.Options.Add(dataOption);
        list.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                string root = Path.GetFullPath(parseResult.GetValue(dataOption) ?? DataDirectory.Locate());
                if (!Directory.Exists(root))
                {
                    return Fail(error, $"data folder not found: {root}");
                }
                var rows = new[]
                {
                    Describe("fashion-mnist", Path.Combine(root, FashionMnist.FolderName), "restore data/fashion-mnist/ from git"),
                    Describe("mnist", Path.Combine(root, Mnist.FolderName), "run `gan-notes data fetch mnist`"),
                };
                if (context.Interactive)
                {
                    var table = new Table().AddColumns("dataset", "train", "test", "status");
                    foreach (var row in rows)
                    {
                        table.AddRow(Markup.Escape(row.Name), row.Train, row.Test, Markup.Escape(row.Status));
                    }
                    var console = ConsoleLines.Create(output, interactive: true);
                    console.WriteLine($"data folder: {root}");
                    console.Write(table);
                }
                else
                {
                    output.WriteLine($"data folder: {root}");
                    foreach (var row in rows)
                    {
                        output.WriteLine($"{row.Name,-14} train {row.Train,6}  test {row.Test,6}  {row.Status}");
                    }
                }
                return rows.Any(r => r.Broken) ? 1 : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(error, e.Message);
            }
        });
        return list;
    }

    private static Command CreateFetch(CliContext context)
    {
        var dataset = new Argument<string>("dataset") { Description = "The dataset to download: mnist." };
        dataset.AcceptOnlyFromAmong("mnist");
        var dirOption = new Option<string?>("--dir")
        {
            Description = "Folder for the four files (default: data/mnist in the data folder).",
            HelpName = "DIR",
        };
        var mirrorOption = new Option<string?>("--mirror")
        {
            Description = $"Base URL the file names are appended to (default: {MnistDownloader.DefaultMirror}).",
            HelpName = "URL",
        };
        var fetch = new Command("fetch", "Download a dataset over HTTPS and verify the SHA-256 of every file. Offline: copy the four files into data/mnist/ instead.");
        fetch.Arguments.Add(dataset);
        fetch.Options.Add(dirOption);
        fetch.Options.Add(mirrorOption);
        fetch.SetAction((parseResult, cancellationToken) =>
            FetchMnistAsync(parseResult.GetValue(dirOption), parseResult.GetValue(mirrorOption), context.Interactive,
                parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
        return fetch;
    }

    private static async Task<int> FetchMnistAsync(string? dir, string? mirror, bool interactive, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string target = "data/mnist/";
        try
        {
            Uri? mirrorUri = null;
            if (mirror is not null && (!Uri.TryCreate(mirror, UriKind.Absolute, out mirrorUri)
                || (mirrorUri.Scheme != Uri.UriSchemeHttps && mirrorUri.Scheme != Uri.UriSchemeHttp)))
            {
                Fail(error, $"invalid --mirror: '{mirror}' is not an absolute http:// or https:// URL");
                return Cli.UsageError;
            }
            var downloader = new MnistDownloader(mirrorUri);
            target = Path.GetFullPath(dir ?? Path.Combine(DataDirectory.TryLocate() ?? Path.Combine(Environment.CurrentDirectory, "data"), Mnist.FolderName));
            if (!OutputTargets.CheckFolder(target, dir is null ? "data fetch" : $"--dir {dir}", error))
            {
                return Cli.UsageError;
            }
            IReadOnlyList<DownloadedFile> results;
            if (interactive)
            {
                var console = ConsoleLines.Create(output, interactive: true);
                console.MarkupLine(Invariant, $"Fetching MNIST from [blue]{Markup.Escape(downloader.Mirror.ToString())}[/] into [blue]{Markup.Escape(target)}[/]");
                results = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var tasks = downloader.Manifest.ToDictionary(entry => entry.Key, entry => context.AddTask(entry.Key, autoStart: false, maxValue: 1));
                        var progress = new CallbackProgress<(string File, long Bytes, long? Total)>(report =>
                        {
                            var task = tasks[report.File];
                            task.StartTask();
                            task.IsIndeterminate = report.Total is null;
                            task.MaxValue = Math.Max(1, report.Total ?? report.Bytes);
                            task.Value = report.Bytes;
                        });
                        return await downloader.DownloadAsync(target, progress, cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            else
            {
                output.WriteLine($"Fetching MNIST from {downloader.Mirror} into {target}");
                results = await downloader.DownloadAsync(target, progress: null, cancellationToken).ConfigureAwait(false);
            }
            foreach (var file in results)
            {
                string what = file.Skipped ? "already present, SHA-256 verified, skipped" : "downloaded, SHA-256 verified";
                output.WriteLine(string.Create(Invariant, $"  {file.Name,-28} {file.Length,10} bytes  {what}"));
            }
            output.WriteLine("MNIST is ready: `gan-notes train --dataset mnist`, or Mnist.Load() in a notebook.");
            return 0;
        }
        catch (OperationCanceledException)
        {
            return Fail(error, "cancelled; no partial file was kept");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string hint = e is DownloadException
                ? $" Offline? Copy {string.Join(", ", MnistFiles.All)} into {target} instead."
                : "";
            return Fail(error, e.Message + hint);
        }
    }

    /// <returns>The row; Broken when the dataset is there but incomplete or invalid (a missing one is not broken: MNIST is optional).</returns>
    private static (string Name, string Train, string Test, string Status, bool Broken) Describe(string name, string folder, string missingHint)
    {
        var missing = MnistFiles.Missing(folder);
        if (missing.Count == MnistFiles.All.Count)
        {
            return (name, "-", "-", $"missing: {missingHint}", false);
        }
        if (missing.Count > 0)
        {
            return (name, "-", "-", $"incomplete, missing {string.Join(", ", missing)}: {missingHint}", true);
        }
        try
        {
            string train = Count(folder, train: true);
            string test = Count(folder, train: false);
            return (name, train, test, "ok", false);
        }
        catch (IOException e)
        {
            return (name, "?", "?", $"invalid: {e.Message}", true);
        }
    }

    /// <summary>
    /// The image count of a split, reading both files in full as training does (the gzip stream
    /// to its end and its CRC, the IDX header, the declared size), checked against the labels.
    /// </summary>
    private static string Count(string folder, bool train)
    {
        var (imagesName, labelsName) = MnistFiles.ForSplit(train);
        var images = IdxReader.ReadImages(Path.Combine(folder, imagesName));
        var labels = IdxReader.ReadLabels(Path.Combine(folder, labelsName));
        if (images.Dimensions[0] != labels.Length)
        {
            throw new IOException($"{imagesName} holds {images.Dimensions[0]} images but {labelsName} {labels.Length} labels");
        }
        return images.Dimensions[0].ToString(Invariant);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return 1;
    }
}
