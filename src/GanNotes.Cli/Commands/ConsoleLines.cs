using Spectre.Console;

namespace GanNotes.Cli.Commands;

/// <summary>
/// The consoles of a command: Spectre on a terminal (colours, live progress), plain text otherwise
/// (CI, tests, redirected output). Errors are one red line on stderr, warnings one yellow line.
/// </summary>
internal sealed class ConsoleLines
{
    public ConsoleLines(TextWriter output, TextWriter error, bool interactive)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        Console = Create(output, interactive);
        errorConsole = Create(error, interactive);
    }

    private readonly IAnsiConsole errorConsole;

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool Interactive { get; }

    /// <summary>Spectre's console on the output writer (for live displays and tables).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>A plain line on stdout (through Spectre when live, so it lands above a progress display).</summary>
    public void Line(string text)
    {
        if (Interactive)
        {
            Console.WriteLine(text);
        }
        else
        {
            Output.WriteLine(text);
        }
    }

    /// <summary>"error: ..." on stderr, red on a terminal; always one line.</summary>
    public void Fail(string message) => Colored(errorConsole, Error, "red", $"error: {message.ReplaceLineEndings(" ")}");

    /// <summary>"warning: ..." in yellow: on stdout while a live display runs (so it does not tear it), else on stderr.</summary>
    public void Warn(string message) =>
        Colored(Interactive ? Console : errorConsole, Interactive ? Output : Error, "yellow", $"warning: {message.ReplaceLineEndings(" ")}");

    private void Colored(IAnsiConsole console, TextWriter writer, string color, string text)
    {
        if (Interactive)
        {
            console.MarkupLine($"[{color}]{Markup.Escape(text)}[/]");
        }
        else
        {
            writer.WriteLine(text);
        }
    }

    /// <summary>
    /// A Spectre.Console on <paramref name="writer"/>: colours, live progress and the terminal's
    /// width on a terminal; plain text 120 columns wide when redirected (CI logs, tests).
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = interactive },
        });
        if (!interactive)
        {
            console.Profile.Width = 120;
        }
        return console;
    }
}
