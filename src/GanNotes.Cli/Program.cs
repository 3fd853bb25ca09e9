namespace GanNotes.Cli;

internal static class Program
{
    public static int Main(string[] args) =>
        Cli.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected && !IsDumbTerminal());

    private static bool IsDumbTerminal() =>
        string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
