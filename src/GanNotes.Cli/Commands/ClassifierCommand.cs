using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GanNotes.Data;
using GanNotes.Evaluation;
using GanNotes.Nn;

namespace GanNotes.Cli.Commands;

/// <summary>
/// <c>gan-notes data classifier [--epochs N] [--seed N] [--data DIR] [--out FILE]</c>: trains the
/// Fashion-MNIST classifier that <c>gan-notes evaluate</c> scores samples with, and writes its weights.
/// </summary>
internal static class ClassifierCommand
{
    private const string Examples =
        """
          Retrain the shipped classifier (data/classifiers/fashion-mnist-mlp.safetensors), exactly as it was made:
            gan-notes data classifier

          A quicker one, elsewhere (evaluate reads only the shipped file):
            gan-notes data classifier --epochs 2 --out /tmp/classifier.safetensors

        """;

    public static Command Create(CliContext context, Dictionary<Command, string> examples)
    {
        var epochs = OptionParsers.Int("--epochs", $"Passes over the 60,000 training images (default {FashionClassifier.DefaultEpochs}).");
        var seed = OptionParsers.UInt64("--seed", "Seeds the weights and the order of the minibatches (default 0).");
        var dataOption = OptionParsers.DataFolder();
        var output = new Option<string?>("--out", "-o")
        {
            Description = $"The .safetensors file to write, replaced atomically (default: {FashionClassifier.ShippedFileName} in the data folder, which only the shipped recipe, the default --epochs and --seed, may replace).",
            HelpName = "FILE",
        };
        var command = new Command("classifier",
            "Train the Fashion-MNIST classifier that `gan-notes evaluate` scores samples with (an MLP 784-256-128-10 with Adam), "
            + "print its accuracy on the 10,000 test images, and write its weights. The repository ships the result of the defaults.");
        command.Options.Add(epochs);
        command.Options.Add(seed);
        command.Options.Add(dataOption);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var lines = new ConsoleLines(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, context.Interactive);
            int n = parse.GetValue(epochs) ?? FashionClassifier.DefaultEpochs;
            if (n is < 1 or > 1000)
            {
                lines.Fail(string.Create(CultureInfo.InvariantCulture, $"--epochs {n}: train for 1 to 1000 epochs"));
                return Cli.UsageError;
            }
            try
            {
                string dataDir = parse.GetValue(dataOption) ?? DataDirectory.Locate();
                string? chosen = parse.GetValue(output);
                string file = chosen ?? Path.Combine(dataDir, FashionClassifier.ShippedFileName);
                if (chosen is not null && !string.IsNullOrWhiteSpace(chosen) && !chosen.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
                {
                    lines.Fail($"--out {chosen}: the weights are a .safetensors file; give a name ending in .safetensors");
                    return Cli.UsageError;
                }
                if (chosen is null && (n != FashionClassifier.DefaultEpochs || (parse.GetValue(seed) ?? 0) != 0))
                {
                    // The shipped file is what every evaluate score is measured with; only the documented recipe may replace it.
                    lines.Fail($"--epochs/--seed other than the shipped recipe would replace {file}, which evaluate scores with; write the result elsewhere with --out FILE.safetensors");
                    return Cli.UsageError;
                }
                if (!OutputTargets.CheckWritable([file], $"--out {file}", parse.InvocationConfiguration.Error))
                {
                    return Cli.UsageError;
                }
                var train = FashionMnist.Load(dataDir, train: true);
                var test = FashionMnist.Load(dataDir, train: false);
                ulong s = parse.GetValue(seed) ?? 0;
                var classifier = new FashionClassifier(new Tensors.Rng(s));
                var clock = Stopwatch.StartNew();
                classifier.Fit(train, n, s, (epoch, loss) => lines.Line(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {epoch}/{n}  loss {loss:F4}  {clock.Elapsed.TotalSeconds:F1} s")));
                double accuracy = classifier.Accuracy(test);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                classifier.Save(file);
                lines.Line(string.Create(CultureInfo.InvariantCulture,
                    $"test accuracy {accuracy:P2} on {test.Count} images; wrote {file}"));
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or IdxFormatException)
            {
                lines.Fail(e.Message);
                return 1;
            }
        });
        examples[command] = Examples;
        return command;
    }
}
