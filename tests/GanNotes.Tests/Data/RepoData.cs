using GanNotes.Data;

namespace GanNotes.Tests.Data;

/// <summary>The repository's data/ folder, found from the test assembly (ignoring GANNOTES_DATA).</summary>
internal static class RepoData
{
    public static string Path { get; } =
        DataDirectory.TryLocate(environmentValue: null, [AppContext.BaseDirectory])
        ?? throw new InvalidOperationException("The repository's data/ folder was not found above " + AppContext.BaseDirectory);
}
