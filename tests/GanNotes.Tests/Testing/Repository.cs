namespace GanNotes.Tests.Testing;

/// <summary>The checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The repository root: the first folder above the test binaries with GanNotes.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GanNotes.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No GanNotes.sln above {AppContext.BaseDirectory}.");
    }
}
