namespace GanNotes.Cli.Commands;

/// <summary>
/// Checks, before any work starts, that every output file (or folder) can be written: its folder exists or
/// can be made (no file stands where a folder must be), the file itself is not a folder, and the
/// folder accepts a new file (probed with a temporary file, then removed). Minutes of running
/// cells must never end in "cannot save".
/// </summary>
internal static class OutputTargets
{
    /// <summary>
    /// Writes one line per problem to <paramref name="error"/>, naming <paramref name="option"/>
    /// (e.g. <c>--output runs/x</c>) and the path; returns false when there was any.
    /// </summary>
    public static bool CheckWritable(IEnumerable<string> outputFiles, string option, TextWriter error)
    {
        var files = outputFiles.ToList();
        if (files.Any(string.IsNullOrWhiteSpace))
        {
            error.WriteLine($"error: {option}: give a file name");
            return false;
        }
        bool ok = true;
        foreach (var group in files.Select(Path.GetFullPath).GroupBy(f => Path.GetDirectoryName(f)!))
        {
            string? problem = FolderProblem(group.Key);
            foreach (string file in group)
            {
                problem ??= Directory.Exists(file) ? $"{file} is a folder, not a file that can be written" : null;
            }
            if (problem is not null)
            {
                error.WriteLine($"error: {option}: {problem}");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>
    /// Checks an output folder (a run folder, a download folder): it may exist or be made, and
    /// accepts new files. Writes one line naming <paramref name="option"/> and returns false when not.
    /// </summary>
    public static bool CheckFolder(string folder, string option, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            error.WriteLine($"error: {option}: give a folder name");
            return false;
        }
        string full = Path.GetFullPath(folder);
        string? problem = File.Exists(full) ? $"{full} is a file, not a folder" : FolderProblem(full);
        if (problem is not null)
        {
            error.WriteLine($"error: {option}: {problem}");
        }
        return problem is null;
    }

    private static string? FolderProblem(string folder)
    {
        // The nearest folder that exists: the new file (or the folders made for it) goes there.
        var existing = new DirectoryInfo(folder);
        while (!existing.Exists)
        {
            if (File.Exists(existing.FullName))
            {
                return $"{existing.FullName} is a file, so the folder {folder} cannot be made";
            }
            existing = existing.Parent!;
        }
        string probe = Path.Combine(existing.FullName, $".gannotes-write-check-{Guid.NewGuid():N}.tmp");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write to {existing.FullName}: {e.Message}";
        }
    }
}
