using System.CommandLine;
using GanNotes.Notebooks;

namespace GanNotes.Cli.Commands;

/// <summary><c>gan-notes notebooks grade</c>: autograde students' notebooks into grades.csv.</summary>
internal static class GradeCommand
{
    private const string Description =
        "Grade students' notebooks, as nbgrader's autograde does: each submission runs in a worker process of its own "
        + "beside the teacher's notebook of the same name (in --source), with the teacher's check cells put back as "
        + "they were written (a check that was edited is restored; one that was deleted scores zero). A failing cell "
        + "costs only its own checks; a crash or a cell past --timeout ends that submission's run, and the checks after it "
        + "score zero. Writes one row per student and exercise (points, verdict, hint) to --out and prints each student's "
        + "total. The student is the folder a submission sits in (the first folder below a folder you name). "
        + "The submissions are never changed.";

    private const string Examples =
        """
          Grade a class (submissions/<student>/<notebook>.ipynb) against the course's notebooks:
            gan-notes notebooks grade submissions/ --out grades.csv

          Quickly, with each notebook's small settings and at most two minutes a cell:
            gan-notes notebooks grade submissions/ --quick --timeout 120

        """;

    public static Command Create(Dictionary<Command, string> examples)
    {
        var paths = new Argument<string[]>("submissions")
        {
            Description = "Submitted notebooks, or folders to search for them (submissions/<student>/<notebook>.ipynb).",
            Arity = ArgumentArity.OneOrMore,
        };
        var source = new Option<string>("--source")
        {
            Description = "The folder of the teacher's notebooks (with their checks, lib/ and results/).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "notebooks",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The grades file to write (a .csv, replaced atomically when every submission is graded).",
            HelpName = "FILE",
            DefaultValueFactory = _ => "grades.csv",
        };
        var timeout = OptionParsers.Double("--timeout", "The longest a cell may run before that submission's run is stopped (default: 600).", "SECONDS");
        var quick = new Option<bool>("--quick")
        {
            Description = "Run with each notebook's own quick settings (metadata.gan_notes.quick), as CI does.",
        };
        var command = new Command("grade", Description);
        command.Arguments.Add(paths);
        command.Options.Add(source);
        command.Options.Add(output);
        command.Options.Add(quick);
        command.Options.Add(timeout);
        command.SetAction((parse, cancellationToken) =>
            GradeAsync(parse, new Arguments(paths, source, output, quick, timeout), cancellationToken));
        examples[command] = Examples;
        return command;
    }

    private static async Task<int> GradeAsync(ParseResult parse, Arguments args, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        string source = parse.GetValue(args.Source)!;
        string grades = parse.GetValue(args.Output)!;
        double seconds = parse.GetValue(args.Timeout) ?? 600;
        if (!Directory.Exists(source))
        {
            return Usage(error, $"--source {source}: no such folder (the teacher's notebooks)");
        }
        if (!grades.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return Usage(error, $"--out {grades}: expected a .csv file for the grades");
        }
        if (!(seconds > 0 && seconds <= TimeSpan.FromDays(1).TotalSeconds))
        {
            return Usage(error, $"--timeout {seconds}: expected a number of seconds above 0 and at most a day (86400)");
        }
        var submissions = Submissions(parse.GetValue(args.Paths) ?? [], error);
        if (submissions is null)
        {
            return Cli.UsageError;
        }
        var missing = submissions.Where(s => !File.Exists(Path.Combine(source, Path.GetFileName(s.Path)))).ToList();
        foreach (var s in missing)
        {
            error.WriteLine($"error: {s.Path}: no notebook {Path.GetFileName(s.Path)} in --source {source} to grade it with");
        }
        if (missing.Count > 0)
        {
            return Cli.UsageError;
        }
        if (!OutputTargets.CheckWritable([grades], $"--out {grades}", error))
        {
            return Cli.UsageError;
        }

        using var stop = new SignalStop(cancellationToken);
        var options = new NotebookRunOptions { Quick = parse.GetValue(args.Quick), CellTimeout = TimeSpan.FromSeconds(seconds) };
        var rows = new List<ExerciseGrade>();
        int failed = 0;
        for (int i = 0; i < submissions.Count; i++)
        {
            var (student, path) = submissions[i];
            output.WriteLine($"[{i + 1}/{submissions.Count}] {student}: grading {path}");
            try
            {
                var graded = await Grader.GradeAsync(Path.Combine(source, Path.GetFileName(path)), path, student, options, stop.Token)
                    .ConfigureAwait(false);
                rows.AddRange(graded.Exercises);
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                error.WriteLine($"interrupted while grading {path}; {grades} was not written");
                return Cli.Interrupted;
            }
            catch (Exception e) when (e is NotebookFormatException or NotebookWorkerException)
            {
                error.WriteLine($"error: {e.Message}");
                failed++;
            }
        }
        GradesCsv.Write(grades, rows);
        foreach (var student in rows.GroupBy(r => r.Student))
        {
            var parts = student.GroupBy(r => r.Notebook).Select(n =>
                $"{Path.GetFileNameWithoutExtension(n.Key)} {ExerciseGrade.FormatPoints(n.Sum(r => r.Points))}/{ExerciseGrade.FormatPoints(n.Sum(r => r.MaxPoints))}");
            output.WriteLine($"{student.Key}: {ExerciseGrade.FormatPoints(student.Sum(r => r.Points))} of "
                + $"{ExerciseGrade.FormatPoints(student.Sum(r => r.MaxPoints))} points ({string.Join(", ", parts)})");
        }
        output.WriteLine($"Wrote {rows.Count} grade{(rows.Count == 1 ? "" : "s")} to {grades}.");
        return failed > 0 ? 1 : 0;
    }

    /// <summary>Each submission with its student: the folder it sits in, or the first folder below a named folder.</summary>
    private static List<(string Student, string Path)>? Submissions(IEnumerable<string> paths, TextWriter error)
    {
        var jobs = NotebookJobs.Expand(paths, null, error);
        if (jobs is null)
        {
            return null;
        }
        var named = paths.Where(Directory.Exists).Select(Path.GetFullPath).ToList();
        var result = new List<(string, string)>();
        foreach (var job in jobs)
        {
            string full = Path.GetFullPath(job.Path);
            string? root = named.FirstOrDefault(n => FolderPaths.IsSameOrBelow(full, n));
            string[] below = root is null ? [] : Path.GetRelativePath(root, full).Split(Path.DirectorySeparatorChar);
            string student = below.Length > 1 ? below[0] : Path.GetFileName(Path.GetDirectoryName(full))!;
            result.Add((student, job.Path));
        }
        return result;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return Cli.UsageError;
    }

    private sealed record Arguments(
        Argument<string[]> Paths, Option<string> Source, Option<string> Output, Option<bool> Quick, Option<double?> Timeout);
}
