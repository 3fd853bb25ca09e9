namespace GanNotes.Data;

/// <summary>
/// Finds the repository's <c>data/</c> folder from a running program (a notebook, the
/// command, a test), wherever it was started.
/// </summary>
/// <remarks>
/// Order: the <c>GANNOTES_DATA</c> environment variable if set (it must exist); else the
/// first folder named <c>data</c> holding <c>fashion-mnist/</c>, walking up from the current
/// directory, then up from the directory of the GanNotes assembly.
/// </remarks>
public static class DataDirectory
{
    /// <summary>The environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "GANNOTES_DATA";

    /// <summary>The path of the data folder.</summary>
    /// <exception cref="DirectoryNotFoundException">It cannot be found; the message says how to point at it.</exception>
    public static string Locate() =>
        TryLocate() ?? throw new DirectoryNotFoundException(
            $"Could not find the GanNotes data folder (a data/ folder holding {FashionMnist.FolderName}/) above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; run from inside the repository or set {EnvironmentVariable} to its data/ folder.");

    /// <summary>The path of the data folder, or null when none is found.</summary>
    /// <exception cref="DirectoryNotFoundException"><c>GANNOTES_DATA</c> is set to a folder that does not exist.</exception>
    public static string? TryLocate() =>
        TryLocate(Environment.GetEnvironmentVariable(EnvironmentVariable), [Environment.CurrentDirectory, AppContext.BaseDirectory]);

    /// <summary>The search itself, with its inputs passed in (for tests).</summary>
    internal static string? TryLocate(string? environmentValue, IEnumerable<string?> startDirectories)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            string full = Path.GetFullPath(environmentValue);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} is set to {full}, which does not exist.");
        }
        foreach (string? start in startDirectories)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, FashionMnist.FolderName)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
