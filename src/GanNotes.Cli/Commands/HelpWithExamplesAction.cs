using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace GanNotes.Cli.Commands;

/// <summary>
/// System.CommandLine's help, followed by an "Examples:" section for the commands that have
/// one (System.CommandLine has no place for examples of its own).
/// </summary>
internal sealed class HelpWithExamplesAction : SynchronousCommandLineAction
{
    private readonly HelpAction help;
    private readonly IReadOnlyDictionary<Command, string> examples;

    private HelpWithExamplesAction(HelpAction help, IReadOnlyDictionary<Command, string> examples)
    {
        this.help = help;
        this.examples = examples;
    }

    /// <summary>Wraps the root command's help option (it is recursive, so it serves every subcommand).</summary>
    public static void Install(Command root, IReadOnlyDictionary<Command, string> examples)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        if (option.Action is HelpAction help)
        {
            option.Action = new HelpWithExamplesAction(help, examples);
        }
    }

    /// <summary>Like the help it wraps: <c>run --help</c> shows help even without the required paths.</summary>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        int code = help.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            output.WriteLine(text);
        }
        return code;
    }
}
