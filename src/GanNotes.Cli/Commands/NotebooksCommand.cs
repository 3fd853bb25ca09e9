using System.CommandLine;
using GanNotes.Notebooks;

namespace GanNotes.Cli.Commands;

/// <summary><c>gan-notes notebooks run</c>: execute notebooks headlessly with the GanNotes runner.</summary>
internal static class NotebooksCommand
{
    private const string RunDescription =
        "Execute C# notebooks headlessly, cell by cell, and save their outputs (as papermill does for Jupyter). "
        + "Exits with 0 only when every notebook ran clean. Say where results go with --inplace or --output. "
        + "A run clears old outputs and stops at the first failing cell; the error is saved in that cell, "
        + "the cells after it are left empty, and the error line names notebook, cell and line. "
        + "A malformed .ipynb is reported and left untouched. "
        + "Each notebook runs in a fresh worker process: a cell that ends it (stack overflow, Environment.Exit) "
        + "fails with that as its error, and the next notebook still runs. "
        + "Ctrl+C stops the running cell at once and leaves its notebook and those after it unchanged (exit code 130).";

    private const string RunExamples =
        """
          Run every course notebook and save the outputs into the notebooks themselves:
            gan-notes notebooks run notebooks/ --inplace

          Quick check as in CI: each notebook's quick settings, a time limit per cell, copies written to executed/:
            gan-notes notebooks run notebooks/ --quick --timeout 300 --output executed

          One notebook, with a different number of epochs:
            gan-notes notebooks run notebooks/04-training-loop.ipynb --set epochs=20 --inplace

        """;

    public static Command Create(CliContext context, Dictionary<Command, string> examples)
    {
        var notebooks = new Command("notebooks", "Work with the course notebooks (.ipynb files with C# cells).");
        notebooks.Subcommands.Add(CreateRun(context, examples));
        notebooks.Subcommands.Add(StudentCommand.Create(examples));
        notebooks.Subcommands.Add(GradeCommand.Create(examples));
        return notebooks;
    }

    private static Command CreateRun(CliContext context, Dictionary<Command, string> examples)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Notebook files, or folders to search for *.ipynb (recursively; .ipynb_checkpoints is skipped).",
            Arity = ArgumentArity.OneOrMore,
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a variable of the cell tagged 'parameters', e.g. --set epochs=2. The value takes the "
                + "type of the literal it replaces (int, long, float, double, bool or string). Repeat for several.",
            HelpName = "name=value",
        };
        var inplace = new Option<bool>("--inplace")
        {
            Description = "Save each executed notebook over itself (atomically: a temporary file next to it, then a rename).",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the executed notebooks to DIR (created if needed); the originals stay unchanged.",
            HelpName = "DIR",
        };
        var timeout = OptionParsers.Double("--timeout", "Fail a cell that runs longer than SECONDS and stop that notebook (default: no limit).", "SECONDS");
        var quick = new Option<bool>("--quick")
        {
            Description = "Apply each notebook's own quick settings (metadata.gan_notes.quick, e.g. fewer epochs) before any --set: how CI runs the course.",
        };
        var run = new Command("run", RunDescription);
        run.Arguments.Add(paths);
        run.Options.Add(set);
        run.Options.Add(quick);
        run.Options.Add(inplace);
        run.Options.Add(output);
        run.Options.Add(timeout);
        run.SetAction((parse, cancellationToken) =>
            RunAsync(parse, new RunArguments(paths, set, quick, inplace, output, timeout), context, cancellationToken));
        examples[run] = RunExamples;
        return run;
    }

    private static async Task<int> RunAsync(ParseResult parse, RunArguments args, CliContext context, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;

        bool inplace = parse.GetValue(args.Inplace);
        string? outputFolder = parse.GetValue(args.Output);
        if (inplace && outputFolder is not null)
        {
            return Usage(error, "--inplace and --output exclude each other; choose one");
        }
        if (!inplace && outputFolder is null)
        {
            return Usage(error, "choose where the executed notebooks go: --inplace (replace each notebook) or --output DIR (write copies to DIR)");
        }
        double? seconds = parse.GetValue(args.Timeout);
        if (seconds is double s && !(s > 0 && double.IsFinite(s)))
        {
            return Usage(error, $"--timeout {s}: expected a positive number of seconds");
        }
        var assignments = new List<ParameterAssignment>();
        foreach (var text in parse.GetValue(args.Set) ?? [])
        {
            try
            {
                assignments.Add(ParameterAssignment.Parse(text));
            }
            catch (NotebookParameterException e)
            {
                return Usage(error, e.Message);
            }
        }
        var jobs = NotebookJobs.Expand(parse.GetValue(args.Paths) ?? [], outputFolder, error);
        if (jobs is null)
        {
            return Cli.UsageError;
        }
        if (!OutputTargets.CheckWritable(jobs.Select(j => j.OutputPath), inplace ? "--inplace" : $"--output {outputFolder}", error))
        {
            return Cli.UsageError;
        }

        var options = new NotebookRunOptions
        {
            Parameters = assignments,
            Quick = parse.GetValue(args.Quick),
            CellTimeout = seconds is double limit ? TimeSpan.FromSeconds(limit) : null,
        };
        // Ctrl+C or SIGTERM stops the running cell (its worker process is ended) and leaves that
        // notebook and the ones after it unchanged.
        using var stop = new SignalStop(cancellationToken);
        var reporter = new RunReporter(output, error, context.Interactive);
        var outcomes = await reporter.RunAllAsync(jobs, (job, progress) => RunOneAsync(job, options, progress, stop.Token))
            .ConfigureAwait(false);
        reporter.WriteSummary(outcomes);
        return stop.Requested ? Cli.Interrupted : outcomes.All(o => o.Succeeded) ? 0 : 1;
    }

    private static async Task<NotebookOutcome> RunOneAsync(
        NotebookJob job, NotebookRunOptions options, IProgress<NotebookProgress> progress, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return NotebookOutcome.NotRun(job, "not run", $"{job.Path}: not run (interrupted); left unchanged");
        }
        try
        {
            var result = await NotebookRunner.RunAsync(job.Path, options with { OutputPath = job.OutputPath }, progress, cancellationToken)
                .ConfigureAwait(false);
            return NotebookOutcome.FromResult(job, result);
        }
        catch (NotebookFormatException e)
        {
            return NotebookOutcome.NotRun(job, "invalid notebook", $"{e.Message} (left unchanged)");
        }
        catch (NotebookParameterException e)
        {
            return NotebookOutcome.NotRun(job, "bad --set", e.Message);
        }
        catch (NotebookWorkerException e)
        {
            return NotebookOutcome.NotRun(job, "not run", $"{job.Path}: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return NotebookOutcome.NotRun(job, "interrupted", $"{job.Path}: interrupted while running; left unchanged");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return NotebookOutcome.NotRun(job, "not saved", $"{job.Path}: cannot save {job.OutputPath}: {e.Message}");
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return Cli.UsageError;
    }

    private sealed record RunArguments(
        Argument<string[]> Paths, Option<string[]> Set, Option<bool> Quick, Option<bool> Inplace, Option<string> Output, Option<double?> Timeout);
}
