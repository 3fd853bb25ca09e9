using System.Globalization;
using GanNotes.Notebooks;
using Spectre.Console;

namespace GanNotes.Cli.Commands;

/// <summary>
/// Shows a notebook run: a live Spectre.Console progress display (notebook, cell i of n) on a
/// terminal, plain lines when stdout is redirected (CI logs, tests); then a summary table.
/// Error lines always go to stderr, one per failed notebook.
/// </summary>
internal sealed class RunReporter
{
    private readonly IAnsiConsole console;
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly bool live;

    public RunReporter(TextWriter output, TextWriter error, bool live)
    {
        this.output = output;
        this.error = error;
        this.live = live;
        console = ConsoleLines.Create(output, live);
    }

    /// <summary>Runs every job through <paramref name="run"/>, showing progress; returns the outcomes in order.</summary>
    public Task<List<NotebookOutcome>> RunAllAsync(
        IReadOnlyList<NotebookJob> jobs, Func<NotebookJob, IProgress<NotebookProgress>, Task<NotebookOutcome>> run) =>
        live ? RunLiveAsync(jobs, run) : RunPlainAsync(jobs, run);

    /// <summary>The summary table and a closing line.</summary>
    public void WriteSummary(IReadOnlyList<NotebookOutcome> outcomes)
    {
        var table = new Table()
            .Border(live ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("Notebook")
            .AddColumn(new TableColumn("Cells").RightAligned())
            .AddColumn(new TableColumn("Seconds").RightAligned())
            .AddColumn("Status");
        foreach (var outcome in outcomes)
        {
            var style = !live ? Style.Plain : outcome.Succeeded ? new Style(Color.Green) : new Style(Color.Red);
            table.AddRow(
                new Text(outcome.Job.Path),
                new Text(outcome.Result is { } r ? $"{r.ExecutedCells}/{r.CSharpCells}" : "-"),
                new Text(outcome.Result is { } d ? Seconds(d.Duration) : "-"),
                new Text(outcome.Status, style));
        }
        console.Write(table);
        int failed = outcomes.Count(o => !o.Succeeded);
        output.WriteLine(failed == 0
            ? $"{outcomes.Count} notebook{Plural(outcomes.Count)} ran clean."
            : $"{failed} of {outcomes.Count} notebook{Plural(outcomes.Count)} failed.");
    }

    private async Task<List<NotebookOutcome>> RunPlainAsync(
        IReadOnlyList<NotebookJob> jobs, Func<NotebookJob, IProgress<NotebookProgress>, Task<NotebookOutcome>> run)
    {
        var outcomes = new List<NotebookOutcome>();
        for (int n = 0; n < jobs.Count; n++)
        {
            var job = jobs[n];
            string tag = $"[{n + 1}/{jobs.Count}]";
            output.WriteLine($"{tag} {job.Path}");
            var progress = new CallbackProgress<NotebookProgress>(p =>
            {
                if (p.Status != CellRunStatus.Running)
                {
                    output.WriteLine($"  cell {p.CellNumber} of {p.CellCount}: {Word(p.Status)} ({Seconds(p.Elapsed)} s)");
                }
            });
            var outcome = await run(job, progress).ConfigureAwait(false);
            WriteNotes(outcome);
            if (outcome.ErrorLine is { } line)
            {
                error.WriteLine(line);
            }
            string seconds = outcome.Result is { } r ? $" in {Seconds(r.Duration)} s" : "";
            output.WriteLine($"{tag} {job.Path}: {outcome.Status}{seconds}");
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    private async Task<List<NotebookOutcome>> RunLiveAsync(
        IReadOnlyList<NotebookJob> jobs, Func<NotebookJob, IProgress<NotebookProgress>, Task<NotebookOutcome>> run)
    {
        var outcomes = new List<NotebookOutcome>();
        await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = jobs.Select(j => context.AddTask(Markup.Escape(j.Path), autoStart: false, maxValue: 1)).ToList();
                for (int n = 0; n < jobs.Count; n++)
                {
                    var job = jobs[n];
                    var task = tasks[n];
                    task.StartTask();
                    var progress = new CallbackProgress<NotebookProgress>(p =>
                    {
                        task.MaxValue = p.CellCount;
                        task.Description = Markup.Escape($"{job.Path}  cell {p.CellNumber} of {p.CellCount}");
                        if (p.Status != CellRunStatus.Running)
                        {
                            task.Value = p.CellNumber;
                        }
                    });
                    var outcome = await run(job, progress).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    task.Description = Markup.Escape($"{job.Path}  {outcome.Status}");
                    task.StopTask();
                    outcomes.Add(outcome);
                }
            }).ConfigureAwait(false);
        // After the live display ends, so the lines do not tear through it.
        foreach (var outcome in outcomes)
        {
            WriteNotes(outcome);
        }
        foreach (var line in outcomes.Select(o => o.ErrorLine).OfType<string>())
        {
            error.WriteLine(line);
        }
        return outcomes;
    }

    /// <summary>Why cells were skipped (cells of another kernel), one line each.</summary>
    private void WriteNotes(NotebookOutcome outcome)
    {
        foreach (var note in outcome.Result?.Cells.Select(c => c.Note).OfType<string>() ?? [])
        {
            output.WriteLine($"  note: {outcome.Job.Path}: {note}");
        }
    }

    private static string Word(CellRunStatus status) => status switch
    {
        CellRunStatus.Succeeded => "ok",
        CellRunStatus.TimedOut => "timed out",
        CellRunStatus.Failed => "failed",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Plural(int count) => count == 1 ? "" : "s";
}
