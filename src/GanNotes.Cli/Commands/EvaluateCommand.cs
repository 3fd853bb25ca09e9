using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanNotes.Evaluation;
using GanNotes.Gan;

namespace GanNotes.Cli.Commands;

/// <summary><c>gan-notes evaluate RUN_DIR [--count N] [--all] [--json] [--seed N] [--data DIR]</c>: scores a run's generator.</summary>
internal static class EvaluateCommand
{
    /// <summary>The most samples scored per checkpoint (the Parzen window compares every test image with every sample).</summary>
    public const int MaxCount = 60_000;

    /// <summary>Below this many samples a warning says the scores are noisy.</summary>
    private const int FewSamples = 500;

    private const string Examples =
        """
          Score the last checkpoint of a run on 10,000 samples, and add the row to its evaluation.csv:
            gan-notes evaluate runs/seed004

          Score every kept checkpoint (train with --keep-checkpoints), then draw the curves:
            gan-notes evaluate runs/seed004 --all
            gan-notes plots runs/seed004

          Machine-readable, on fewer samples:
            gan-notes evaluate runs/seed004 --count 2000 --json

        """;

    public static Command Create(CliContext context, Dictionary<Command, string> examples)
    {
        var runDirectory = new Argument<string>("RUN_DIR") { Description = "A folder written by gan-notes train, on fashion-mnist or ring-2d." };
        var count = OptionParsers.Int("--count", $"Samples of G to score per checkpoint (default {RunEvaluator.DefaultCount:N0}, at least 2, at most {MaxCount:N0}).");
        var all = new Option<bool>("--all") { Description = "Score every kept checkpoint (checkpoints/epoch_NNN.safetensors) and the last, not only the last." };
        var json = new Option<bool>("--json") { Description = "Print the scores as one JSON array on stdout, nothing else." };
        var seed = OptionParsers.UInt64("--seed", "Seeds z: every checkpoint is scored on the same noise (default: a fixed seed).");
        var dataOption = OptionParsers.DataFolder("with fashion-mnist/ and classifiers/");
        var command = new Command("evaluate",
            "Score a run's generator: for Fashion-MNIST, the shipped classifier's Fréchet distance to the test set (on its 128 penultimate features), "
            + "its class coverage, entropy and score, and the GAN paper's Parzen-window log-likelihood of the test set (sigma chosen on 1,000 validation images); "
            + "for the ring of Gaussians, the modes hit and the share of samples within 3 sigma of a mode. Writes the rows into RUN_DIR/evaluation.csv "
            + "(a checkpoint scored again replaces its row), which gan-notes plots draws.");
        command.Arguments.Add(runDirectory);
        command.Options.Add(count);
        command.Options.Add(all);
        command.Options.Add(json);
        command.Options.Add(seed);
        command.Options.Add(dataOption);
        command.SetAction(parse =>
        {
            var lines = new ConsoleLines(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, context.Interactive);
            string directory = parse.GetValue(runDirectory)!;
            int n = parse.GetValue(count) ?? RunEvaluator.DefaultCount;
            bool asJson = parse.GetValue(json);
            if (n is < 2 or > MaxCount)
            {
                lines.Fail(string.Create(CultureInfo.InvariantCulture, $"--count {n}: score 2 to {MaxCount} samples"));
                return Cli.UsageError;
            }
            if (!RunDirectory.Check(directory, lines))
            {
                return Cli.UsageError;
            }
            try
            {
                var config = RunConfig.Read(RunFolder.ConfigPath(directory));
                if (RunEvaluator.Unsupported(config.Recipe.Dataset) is { } why)
                {
                    lines.Fail($"{directory}: {why}");
                    return Cli.UsageError;
                }
                string csv = EvaluationCsv.PathIn(directory);
                if (File.Exists(csv))
                {
                    EvaluationCsv.Read(csv); // a damaged file stops us before minutes of scoring, not after
                }
                if (!OutputTargets.CheckWritable([csv], directory, parse.InvocationConfiguration.Error))
                {
                    return 1;
                }
                bool everyCheckpoint = parse.GetValue(all);
                var checkpoints = Checkpoints(directory, everyCheckpoint);
                if (checkpoints.Count == 0)
                {
                    lines.Fail($"{directory}: the run has no checkpoint yet (one is written at the end of every epoch)");
                    return 1;
                }
                if (everyCheckpoint && RunFolder.EpochCheckpoints(directory).Count == 0)
                {
                    lines.Warn($"{directory} keeps no epoch_NNN checkpoints (train with --keep-checkpoints); scoring the last checkpoint only");
                }
                if (n < FewSamples)
                {
                    lines.Warn(string.Create(CultureInfo.InvariantCulture, $"--count {n}: below {FewSamples} samples the Fréchet distance of 128 features is dominated by noise; compare scores only at equal counts"));
                }
                var clock = Stopwatch.StartNew();
                var evaluator = RunEvaluator.For(config.Recipe, parse.GetValue(dataOption));
                var scores = new List<EvaluationScores>();
                int failed = 0;
                using var signals = new SignalStop(CancellationToken.None);
                foreach (var (epoch, load) in checkpoints)
                {
                    if (signals.Requested)
                    {
                        lines.Warn($"interrupted after {scores.Count} of {checkpoints.Count} checkpoints; {csv} holds the rows scored");
                        return Cli.Interrupted;
                    }
                    EvaluationScores row;
                    try
                    {
                        row = evaluator.Evaluate(load(), n, parse.GetValue(seed) ?? RunEvaluator.DefaultSeed);
                    }
                    catch (InvalidDataException e) when (checkpoints.Count > 1)
                    {
                        lines.Warn($"skipped epoch {epoch}: {e.Message}");
                        failed++;
                        continue;
                    }
                    scores.Add(row);
                    // Row by row, so an interrupted or failing --all keeps what it has scored.
                    EvaluationCsv.Merge(csv, [row]);
                    if (!asJson)
                    {
                        lines.Line(string.Create(CultureInfo.InvariantCulture, $"{row}  [{clock.Elapsed.TotalSeconds:F1} s]"));
                    }
                }
                if (asJson)
                {
                    parse.InvocationConfiguration.Output.WriteLine(ToJson(scores));
                }
                else
                {
                    lines.Line($"wrote {csv}");
                }
                return failed == 0 ? 0 : 1;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
            {
                lines.Fail(e.Message);
                return 1;
            }
        });
        examples[command] = Examples;
        return command;
    }

    /// <summary>
    /// The last checkpoint, or with --all every kept epoch checkpoint and the last (unless it repeats one), by epoch,
    /// each with how to load it; the last is loaded here already (its epoch decides whether it repeats one).
    /// </summary>
    private static List<(int Epoch, Func<GanTrainer> Load)> Checkpoints(string directory, bool all)
    {
        var found = all
            ? RunFolder.EpochCheckpoints(directory).Select(c => (c.Epoch, (Func<GanTrainer>)(() => RunFolder.LoadForSampling(directory, c.Path)))).ToList()
            : [];
        if (File.Exists(RunFolder.LastCheckpointPath(directory)))
        {
            var last = RunFolder.LoadForSampling(directory);
            if (found.All(c => c.Epoch != last.Epoch))
            {
                found.Add((last.Epoch, () => last));
            }
        }
        return found;
    }

    private static string ToJson(IEnumerable<EvaluationScores> scores)
    {
        var array = new JsonArray();
        foreach (var s in scores)
        {
            var row = new JsonObject { ["epoch"] = s.Epoch, ["step"] = s.Step, ["count"] = s.Count };
            foreach (var (name, value) in s.Values())
            {
                row[name] = value;
            }
            array.Add(row);
        }
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
