namespace GanNotes.Cli.Commands;

/// <summary>Where a path stands relative to a folder, for commands that read one folder and write another.</summary>
internal static class FolderPaths
{
    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or anything below it.</summary>
    public static bool IsSameOrBelow(string path, string folder)
    {
        string relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
