using System.Diagnostics.CodeAnalysis;

namespace GanNotes.Cli;

/// <summary>
/// Parts of <c>gan-notes</c> that a build may leave out, as .NET feature switches: a trimmed
/// publish that sets a switch to false (an MSBuild <c>RuntimeHostConfigurationOption</c> with
/// <c>Trim="true"</c>) drops the code behind it, and the assemblies only that code needs.
/// </summary>
internal static class CliFeatures
{
    /// <summary>The switch of <see cref="Notebooks"/>.</summary>
    public const string NotebooksSwitch = "GanNotes.Cli.Notebooks";

    /// <summary>
    /// Whether the <c>notebooks</c> command (run, student, grade) is present: true unless the switch
    /// is set to false, as in the GPU benchmark's program (tests/GanNotes.Benchmarks/gpu), which then
    /// carries no C# compiler (Roslyn, about 3 MB packed).
    /// </summary>
    [FeatureSwitchDefinition(NotebooksSwitch)]
    public static bool Notebooks => !AppContext.TryGetSwitch(NotebooksSwitch, out bool enabled) || enabled;
}
