namespace GanNotes.Cli.Commands;

/// <summary>One notebook to run and where its executed copy goes.</summary>
/// <param name="Path">The notebook, as the user named it (or as found in a named folder).</param>
/// <param name="OutputPath">Where the executed notebook is saved (the same path for --inplace).</param>
internal sealed record NotebookJob(string Path, string OutputPath);

/// <summary>Turns the files and folders of a command line into notebook jobs.</summary>
internal static class NotebookJobs
{
    private const string CheckpointsFolder = ".ipynb_checkpoints";

    /// <summary>
    /// Files are taken as given; folders expand to the <c>*.ipynb</c> files below them, sorted,
    /// skipping Jupyter's <c>.ipynb_checkpoints</c>. Returns null and writes one line per
    /// problem to <paramref name="error"/> when a path is missing, is not a notebook, or two
    /// notebooks would be written to the same output file.
    /// </summary>
    public static IReadOnlyList<NotebookJob>? Expand(IEnumerable<string> paths, string? outputFolder, TextWriter error)
    {
        var notebooks = new List<string>();
        bool ok = true;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !System.IO.Path.GetRelativePath(path, f).Split('/', '\\').Contains(CheckpointsFolder))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    error.WriteLine($"error: {path}: no .ipynb notebooks in this folder");
                    ok = false;
                }
                notebooks.AddRange(found);
            }
            else if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                {
                    error.WriteLine($"error: {path}: not a notebook (expected a .ipynb file)");
                    ok = false;
                }
                notebooks.Add(path);
            }
            else
            {
                error.WriteLine($"error: {path}: no such file or folder");
                ok = false;
            }
        }
        var unique = notebooks.DistinctBy(p => System.IO.Path.GetFullPath(p)).ToList();
        var jobs = unique
            .Select(p => new NotebookJob(p, outputFolder is null ? p : System.IO.Path.Combine(outputFolder, System.IO.Path.GetFileName(p))))
            .ToList();
        foreach (var clash in jobs.GroupBy(j => System.IO.Path.GetFullPath(j.OutputPath)).Where(g => g.Count() > 1))
        {
            error.WriteLine(
                $"error: {string.Join(" and ", clash.Select(j => j.Path))} would all be written to {clash.First().OutputPath}; run them separately");
            ok = false;
        }
        return ok ? jobs : null;
    }
}
