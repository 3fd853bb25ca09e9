namespace GanNotes.Tests.Cli;

/// <summary>Runs <c>gan-notes</c> in process with captured stdout and stderr (plain, non-interactive output).</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = GanNotes.Cli.Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Starts <c>gan-notes</c> as a process of its own (the built gan-notes.dll beside the tests),
    /// with stdout and stderr redirected: for what only a real process shows, such as signals and
    /// the engine's start.
    /// </summary>
    public static System.Diagnostics.Process StartProcess(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gan-notes.dll"));
        foreach (string argument in args)
        {
            start.ArgumentList.Add(argument);
        }
        return System.Diagnostics.Process.Start(start)!;
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The options of a tiny run: epochs of 4 steps of m = 16 with h 4 and z 2.</summary>
    public static string[] Tiny(string dataset, string outDirectory, params string[] more) =>
        ["train", "--dataset", dataset, "--limit", "64", "--batch-size", "16", "--hidden", "4", "--z-dim", "2", "--out", outDirectory, .. more];
}
