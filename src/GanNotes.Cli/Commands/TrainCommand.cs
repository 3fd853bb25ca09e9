using System.CommandLine;
using System.Globalization;
using GanNotes.Data;
using GanNotes.Gan;
using GanNotes.Reports;

namespace GanNotes.Cli.Commands;

/// <summary>
/// <c>gan-notes train</c>: trains the MLP GAN (or a toy GAN) with Algorithm 1 from a recipe and
/// writes a run folder (<see cref="RunFolder"/>); <c>--resume</c> continues one bit for bit.
/// </summary>
/// <remarks>
/// Exit codes: 0 done; 1 the run failed (data missing, diverged, a file unreadable); 2 a bad
/// option; 130 stopped with Ctrl+C or SIGTERM, after saving a checkpoint.
/// </remarks>
internal static class TrainCommand
{
    private const string Examples =
        """
          The default: the fast recipe on the shipped Fashion-MNIST, into runs/fashion-mnist-fast-<time>/:
            gan-notes train

          The lecture notes' final setting (lr 1e-5, 250 epochs; Adam is the course's choice), into a chosen folder:
            gan-notes train --recipe seed004 --out runs/seed004

          Continue a run stopped with Ctrl+C, or train it for more epochs:
            gan-notes train --resume --out runs/seed004
            gan-notes train --resume --out runs/seed004 --epochs 300

          The paper's setting: SGD with momentum rising from 0.5 to 0.7, the minimax loss, on MNIST:
            gan-notes train --dataset mnist --optimizer sgd --lr 0.1 --loss minimax

          A 1-D toy GAN in seconds, and a quick check on 1,024 images:
            gan-notes train --dataset gaussian-1d --epochs 10
            gan-notes train --epochs 1 --limit 1024

        """;

    public static Command Create(CliContext context, Dictionary<Command, string> examples)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(examples);
        var o = new TrainOptions();
        var command = new Command("train",
            "Train a GAN with Algorithm 1 (Goodfellow et al. 2014) and write a run folder: config.json, history.csv, "
            + "checkpoints/, samples/epoch_NNN.png, loss.html and loss.png. Explicit options override the recipe. "
            + "Ctrl+C or SIGTERM (kill, timeout) saves a checkpoint; --resume continues bit for bit.");
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => RunAsync(parse, o, context, cancellationToken));
        examples[command] = Examples;
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, TrainOptions o, CliContext context, CancellationToken cancellationToken)
    {
        var lines = new ConsoleLines(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, context.Interactive);
        string? dataDirectory = parse.GetValue(o.Data);
        if (o.ChooseDevice(parse, lines) is not { } device)
        {
            return Cli.UsageError;
        }
        TrainingRun run;
        try
        {
            if (parse.GetValue(o.Resume))
            {
                if (OpenForResume(parse, o, lines, dataDirectory, device) is not { } resumed)
                {
                    return Cli.UsageError;
                }
                run = resumed;
            }
            else
            {
                if (o.BuildRecipe(parse) is not { } recipe)
                {
                    return Cli.UsageError;
                }
                if (recipe.FindProblem() is { } problem)
                {
                    lines.Fail(Describe(problem));
                    return Cli.UsageError;
                }
                string directory = parse.GetValue(o.Out) ?? DefaultDirectory(recipe);
                if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    lines.Fail(File.Exists(RunFolder.ConfigPath(directory))
                        ? $"--out {directory}: it already holds a run; continue it with --resume, or choose another folder"
                        : $"--out {directory}: the folder exists and is not empty; choose another folder");
                    return Cli.UsageError;
                }
                if (!OutputTargets.CheckFolder(directory, $"--out {directory}", parse.InvocationConfiguration.Error))
                {
                    return Cli.UsageError;
                }
                run = TrainingRun.Create(recipe, directory, dataDirectory, device);
            }
        }
        catch (InvalidRecipeException e)
        {
            lines.Fail(e.Problem is { } problem ? Describe(problem) : e.Message);
            return Cli.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            lines.Fail(e.Message); // a missing dataset names the fix (MNIST: gan-notes data fetch mnist)
            return 1;
        }

        run.Charts = new RunCharts(); // samples after each sample epoch, loss.html and loss.png at the end
        if (run.Trainer.Epoch >= run.Recipe.Epochs && run.Trainer.Step > 0)
        {
            lines.Line(string.Create(CultureInfo.InvariantCulture,
                $"{run.Directory}: all {run.Recipe.Epochs} epochs are done; train further with --resume --epochs N, or redraw the figures with gan-notes plots."));
            return 0;
        }
        return await TrainAsync(run, lines, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> TrainAsync(TrainingRun run, ConsoleLines lines, CancellationToken cancellationToken)
    {
        var reporter = new TrainReporter(lines);
        var started = DateTime.UtcNow;
        // Ctrl+C or SIGTERM stops training after the current step and saves a checkpoint.
        using var stop = new SignalStop(cancellationToken);
        try
        {
            var result = await reporter.RunAsync(progress => run.Train(progress, stop.Token)).ConfigureAwait(false);
            if (result.Outcome == TrainingOutcome.Cancelled)
            {
                lines.Line(string.Create(CultureInfo.InvariantCulture,
                    $"Stopped at step {result.Step} (epoch {result.Epoch} of {run.Recipe.Epochs} done); checkpoint saved to {result.Checkpoint}."));
                lines.Line($"Continue with: gan-notes train --resume --out {Quote(run.Directory)}  (figures so far: gan-notes plots {Quote(run.Directory)})");
                return Cli.Interrupted;
            }
            lines.Line(string.Create(CultureInfo.InvariantCulture,
                $"Done: {TrainReporter.Count(run.Recipe.Epochs, "epoch")} ({result.Step} steps) in {TrainReporter.Duration(DateTime.UtcNow - started)}."));
            lines.Line($"  samples: {Path.Combine(run.Directory, RunFolder.SamplesFolderName)}{Path.DirectorySeparatorChar}");
            lines.Line($"  losses:  {RunFolder.LossHtmlPath(run.Directory)}" + (File.Exists(RunFolder.LossPngPath(run.Directory)) ? $", {RunFolder.LossPngPath(run.Directory)}" : ""));
            return 0;
        }
        catch (TrainingDivergedException e)
        {
            string checkpoint = RunFolder.LastCheckpointPath(run.Directory);
            lines.Fail(e.Message + (File.Exists(checkpoint)
                ? $" Last good checkpoint: {checkpoint} (epoch {run.Trainer.Epoch}); e.g. gan-notes train --resume --out {Quote(run.Directory)} --lr {(run.Recipe.Lr / 10).ToString("G3", CultureInfo.InvariantCulture)}"
                : " No epoch finished, so there is no checkpoint; start again with a smaller --lr."));
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            lines.Fail($"{run.Directory}: {e.Message}");
            return 1;
        }
    }

    private static TrainingRun? OpenForResume(ParseResult parse, TrainOptions o, ConsoleLines lines, string? dataDirectory, Tensors.Device device)
    {
        if (parse.GetValue(o.Out) is not { } directory)
        {
            lines.Fail("--resume needs --out RUN_DIR, the folder of the run to continue");
            return null;
        }
        if (o.RecipeOptionsGiven(parse) is { Count: > 0 } given)
        {
            lines.Fail($"--resume continues the run as its config.json says; only --epochs and --lr may change, not {string.Join(", ", given)}");
            return null;
        }
        if (!File.Exists(RunFolder.ConfigPath(directory)))
        {
            lines.Fail($"--out {directory}: not a run folder (no {RunFolder.ConfigFileName}); start a new run without --resume");
            return null;
        }
        return TrainingRun.Resume(directory, parse.GetValue(o.Epochs), parse.GetValue(o.Lr), dataDirectory, device);
    }

    /// <summary>"--lr -1: the learning rate must be positive and finite".</summary>
    public static string Describe(RecipeProblem problem) => $"{problem.Option} {problem.Value}: {problem.Reason}";

    private static string DefaultDirectory(GanRecipe recipe) =>
        Path.Combine("runs", $"{RecipeNames.Of(recipe.Dataset)}-{recipe.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
