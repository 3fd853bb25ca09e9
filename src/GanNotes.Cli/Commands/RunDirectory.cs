using GanNotes.Gan;

namespace GanNotes.Cli.Commands;

/// <summary>The RUN_DIR argument of sample, plots and evaluate: one check, one message.</summary>
internal static class RunDirectory
{
    /// <summary>True when <paramref name="directory"/> holds config.json; otherwise writes the one-line error and returns false.</summary>
    public static bool Check(string directory, ConsoleLines lines)
    {
        if (File.Exists(RunFolder.ConfigPath(directory)))
        {
            return true;
        }
        lines.Fail($"{directory}: not a run folder (no {RunFolder.ConfigFileName}); give a folder written by gan-notes train");
        return false;
    }
}
