using System.CommandLine;
using System.Globalization;
using GanNotes.Gan;
using GanNotes.Reports;

namespace GanNotes.Cli.Commands;

/// <summary><c>gan-notes sample RUN_DIR --count N --out FILE [--format png|idx|npy] [--seed N]</c>: exports G's samples.</summary>
internal static class SampleCommand
{
    /// <summary>The most samples one export writes (100,000 images are 314 MB as float32, twice that while writing).</summary>
    public const int MaxCount = 100_000;

    private const string Examples =
        """
          64 samples as an image grid:
            gan-notes sample runs/seed004 --count 64 --out samples.png

          10,000 samples for a scoring script (NumPy float32 [10000, 784]; or MNIST's IDX format):
            gan-notes sample runs/seed004 --count 10000 --out fake.npy
            gan-notes sample runs/seed004 --count 10000 --out fake-images-idx3-ubyte

        """;

    public static Command Create(CliContext context, Dictionary<Command, string> examples)
    {
        var runDirectory = new Argument<string>("RUN_DIR") { Description = "A folder written by gan-notes train (its last checkpoint is used)." };
        var count = OptionParsers.Int("--count", $"How many samples (default 64, at most {MaxCount}).");
        var output = new Option<string>("--out", "-o") { Description = "The file to write (replaced atomically).", HelpName = "FILE", Required = true };
        var format = OptionParsers.Choice<SampleFormat>("--format",
            "png: an image grid; idx: IDX ubyte [N, 28, 28] as MNIST's files, pixels round(255 x); npy: NumPy float32 [N, d]. Default: from the extension (.png, .npy, .idx or -ubyte).");
        var seed = OptionParsers.UInt64("--seed", "Seeds z: the same seed gives the same samples (default 0).");
        var command = new Command("sample", "Export samples G(z) from a trained run's generator (in evaluation mode) as png, idx or npy.");
        command.Arguments.Add(runDirectory);
        command.Options.Add(count);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(seed);
        command.SetAction(parse =>
        {
            var lines = new ConsoleLines(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, context.Interactive);
            string directory = parse.GetValue(runDirectory)!;
            string file = parse.GetValue(output)!;
            int n = parse.GetValue(count) ?? 64;
            if (n is < 1 or > MaxCount)
            {
                lines.Fail(string.Create(CultureInfo.InvariantCulture, $"--count {n}: export 1 to {MaxCount} samples"));
                return Cli.UsageError;
            }
            if ((parse.GetValue(format) ?? SampleExport.FormatFromPath(file)) is not { } chosen)
            {
                lines.Fail($"--out {file}: cannot tell the format from the extension; use .png, .npy, .idx or -ubyte, or give --format png|idx|npy");
                return Cli.UsageError;
            }
            if (!RunDirectory.Check(directory, lines))
            {
                return Cli.UsageError;
            }
            if (!OutputTargets.CheckWritable([file], $"--out {file}", parse.InvocationConfiguration.Error))
            {
                return Cli.UsageError;
            }
            try
            {
                var trainer = RunFolder.LoadForSampling(directory);
                var samples = SampleExport.Generate(trainer, n, parse.GetValue(seed) ?? 0);
                SampleExport.Save(samples, file, chosen);
                lines.Line(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {n} samples of the generator at step {trainer.Step} (epoch {trainer.Epoch}) to {file} ({RecipeNames.Of(chosen)}, [{n}, {samples.Shape[1]}])"));
                return 0;
            }
            catch (ArgumentException e)
            {
                lines.Fail($"--format {RecipeNames.Of(chosen)}: {e.Message}");
                return Cli.UsageError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                lines.Fail(e.Message);
                return 1;
            }
        });
        examples[command] = Examples;
        return command;
    }
}
