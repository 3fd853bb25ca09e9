using System.Diagnostics;
using System.Globalization;
using GanNotes.Gan;
using GanNotes.Tensors;

namespace GanNotes.Benchmarks;

/// <summary>
/// <c>train DEVICE OUT [EPOCHS]</c>: the default run of <c>gan-notes train</c> (the fast recipe on
/// Fashion-MNIST) through the same <see cref="TrainingRun"/>, without the charts (they need
/// Chromium), timing each epoch: the figure "10 epochs in N s" on a machine without .NET.
/// </summary>
internal static class FastRun
{
    public static int Run(Device device, string directory, int epochs, string dataDirectory)
    {
        var recipe = GanRecipe.Fast with { Epochs = epochs };
        var clock = Stopwatch.StartNew();
        var run = TrainingRun.Create(recipe, directory, dataDirectory, device);
        double setup = clock.Elapsed.TotalSeconds;
        var epochSeconds = new List<double>();
        double last = clock.Elapsed.TotalSeconds;
        var result = run.Train(new Progress(e =>
        {
            if (e is EpochCompleted)
            {
                double now = clock.Elapsed.TotalSeconds;
                epochSeconds.Add(now - last);
                last = now;
            }
        }));
        double total = clock.Elapsed.TotalSeconds;
        var sorted = epochSeconds.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train device={device} epochs={epochs} steps={result.Step} setup_s={setup:F1} total_s={total:F1} " +
            $"median_epoch_s={sorted[sorted.Length / 2]:F2} first_epoch_s={epochSeconds[0]:F2} outcome={result.Outcome}"));
        return 0;
    }

    private sealed class Progress(Action<TrainingEvent> report) : IProgress<TrainingEvent>
    {
        public void Report(TrainingEvent value) => report(value);
    }
}
