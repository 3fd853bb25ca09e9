using System.CommandLine;
using GanNotes.Notebooks;

namespace GanNotes.Cli.Commands;

/// <summary><c>gan-notes notebooks student</c>: write the student edition of the course.</summary>
internal static class StudentCommand
{
    private const string Description =
        "Write the student edition of the teacher's notebooks to a folder, as nbgrader's 'generate assignment' does: "
        + "code between '// BEGIN SOLUTION' and '// END SOLUTION' becomes '// YOUR CODE HERE' (and a "
        + "NotImplementedException where the solution returned a value), markdown between '<!-- BEGIN SOLUTION -->' "
        + "and '<!-- END SOLUTION -->' is removed, and the outputs of answer and check cells are cleared; everything else "
        + "is kept. The other files of each notebook's folder (lib/, results/) are copied too, so the edition runs "
        + "where it is written. The teacher's notebooks are never changed.";

    private const string Examples =
        """
          The whole course for a class, into handout/:
            gan-notes notebooks student notebooks/ --out handout

          One notebook:
            gan-notes notebooks student notebooks/02-value-function.ipynb --out handout

        """;

    public static Command Create(Dictionary<Command, string> examples)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Teacher's notebooks, or folders to search for *.ipynb.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder for the student edition (created if needed); it must not be a folder of the teacher's notebooks.",
            HelpName = "DIR",
            Required = true,
        };
        var command = new Command("student", Description);
        command.Arguments.Add(paths);
        command.Options.Add(output);
        command.SetAction(parse => Run(parse, paths, output));
        examples[command] = Examples;
        return command;
    }

    private static int Run(ParseResult parse, Argument<string[]> pathsArgument, Option<string> outputOption)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        string folder = parse.GetValue(outputOption) ?? "";
        if (folder.Trim().Length == 0)
        {
            error.WriteLine("error: --out: expected a folder for the student edition, got an empty name");
            return Cli.UsageError;
        }
        var jobs = NotebookJobs.Expand(parse.GetValue(pathsArgument) ?? [], folder, error);
        if (jobs is null)
        {
            return Cli.UsageError;
        }
        string target = Path.GetFullPath(folder);
        var sources = jobs.Select(j => Path.GetDirectoryName(Path.GetFullPath(j.Path))!).Distinct().ToList();
        if (sources.Any(s => FolderPaths.IsSameOrBelow(target, s)))
        {
            error.WriteLine($"error: --out {folder}: that is a folder of the teacher's notebooks (or inside one); choose another folder");
            return Cli.UsageError;
        }
        if (!OutputTargets.CheckWritable(jobs.Select(j => j.OutputPath), $"--out {folder}", error))
        {
            return Cli.UsageError;
        }

        // Every notebook is made before anything is written: a badly marked one leaves no half edition.
        var editions = new List<(NotebookJob Job, NotebookDocument Student)>();
        foreach (var job in jobs)
        {
            try
            {
                editions.Add((job, StudentEdition.Create(NotebookDocument.Load(job.Path))));
            }
            catch (NotebookFormatException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
        }
        Directory.CreateDirectory(target);
        foreach (var source in sources)
        {
            CopySupportFiles(source, target);
            if (!Directory.Exists(Path.Combine(source, "lib")))
            {
                error.WriteLine($"warning: {source} has no lib/ folder; build first (dotnet build -c Release) so the notebooks can load the library");
            }
        }
        foreach (var (job, student) in editions)
        {
            student.Save(job.OutputPath);
            output.WriteLine($"{job.Path} -> {job.OutputPath}");
        }
        output.WriteLine($"Wrote the student edition of {editions.Count} notebook{(editions.Count == 1 ? "" : "s")} to {folder}.");
        return 0;
    }

    /// <summary>Copies what the notebooks of <paramref name="source"/> load (lib/, results/, ...): every entry but notebooks and hidden ones.</summary>
    private static void CopySupportFiles(string source, string target)
    {
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.') || entry.Name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (entry is DirectoryInfo directory)
            {
                CopyFolder(directory, Path.Combine(target, entry.Name));
            }
            else
            {
                File.Copy(entry.FullName, Path.Combine(target, entry.Name), overwrite: true);
            }
        }
    }

    private static void CopyFolder(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(to, Path.GetRelativePath(from.FullName, file.FullName));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            file.CopyTo(destination, overwrite: true);
        }
    }
}
