using System.CommandLine;
using GanNotes.Reports;

namespace GanNotes.Cli.Commands;

/// <summary><c>gan-notes plots RUN_DIR</c>: redraws a run's loss chart and sample images from its history and checkpoints.</summary>
internal static class PlotsCommand
{
    private const string Examples =
        """
          Redraw the figures of a run (also one still training, or stopped with Ctrl+C):
            gan-notes plots runs/seed004

        """;

    public static Command Create(CliContext context, Dictionary<Command, string> examples)
    {
        var runDirectory = new Argument<string>("RUN_DIR") { Description = "A folder written by gan-notes train." };
        var command = new Command("plots",
            "Regenerate a run's figures: epochs.csv (mean losses per epoch), loss.html and loss.png from history.csv, and samples/epoch_NNN.png from the kept "
            + "checkpoints (every sample epoch for toy data and for runs trained with --keep-checkpoints; otherwise the last epoch only), "
            + "for image runs progress.html (every sample grid behind a slider, with a Play button) and progress.png (a strip of five of them), "
            + "and, once gan-notes evaluate has scored the run, evaluation.html and evaluation.png (the scores per epoch).");
        command.Arguments.Add(runDirectory);
        command.SetAction(parse =>
        {
            var lines = new ConsoleLines(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, context.Interactive);
            string directory = parse.GetValue(runDirectory)!;
            if (!RunDirectory.Check(directory, lines))
            {
                return Cli.UsageError;
            }
            try
            {
                foreach (string file in RunPlots.Regenerate(directory, lines.Warn))
                {
                    lines.Line($"wrote {file}");
                }
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or TimeoutException)
            {
                lines.Fail(e.Message);
                return 1;
            }
        });
        examples[command] = Examples;
        return command;
    }
}
