using System.CommandLine;
using System.CommandLine.Help;
using GanNotes.Cli.Commands;

namespace GanNotes.Cli;

/// <summary>
/// The <c>gan-notes</c> command line. Each command lives in its own file under Commands/ and
/// is added in <see cref="BuildRootCommand"/>; this file only parses and dispatches.
/// </summary>
internal static class Cli
{
    /// <summary>Exit code for a command line that could not be understood (bad option, bad --set, missing file).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of a command stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report Ctrl+C).</summary>
    public const int Interrupted = 130;

    /// <summary>Runs the command line with plain (non-live) output, as in CI; the entry point for in-process tests.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, interactive: false);

    /// <summary>Runs the command line; <paramref name="interactive"/> enables live progress rendering.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive)
    {
        var context = new CliContext(interactive);
        var root = BuildRootCommand(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }
            error.WriteLine($"Run '{CommandPath(parse.CommandResult.Command)} --help' for usage.");
            return UsageError;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command BuildRootCommand(CliContext context)
    {
        // A named command rather than RootCommand, whose name is the host executable's
        // ("testhost" under xunit): help and errors always say gan-notes.
        var root = new Command(
            "gan-notes",
            "GanNotes: a course workbook on Generative Adversarial Networks in C#. "
            + "Trains the course's GAN, redraws its plots, exports and scores samples, runs the notebooks headlessly and manages the datasets.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        var examples = new Dictionary<Command, string>();
        if (CliFeatures.Notebooks)
        {
            root.Subcommands.Add(NotebooksCommand.Create(context, examples));
        }
        root.Subcommands.Add(DataCommand.Create(context, examples));
        root.Subcommands.Add(TrainCommand.Create(context, examples));
        root.Subcommands.Add(PlotsCommand.Create(context, examples));
        root.Subcommands.Add(SampleCommand.Create(context, examples));
        root.Subcommands.Add(EvaluateCommand.Create(context, examples));
        // Before parsing: the parse result holds on to the help action it found.
        HelpWithExamplesAction.Install(root, examples);
        return root;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}

/// <summary>What every command may need to know about how it was started.</summary>
/// <param name="Interactive">True when stdout is a terminal: live progress; false in CI and tests: plain lines.</param>
internal sealed record CliContext(bool Interactive);
