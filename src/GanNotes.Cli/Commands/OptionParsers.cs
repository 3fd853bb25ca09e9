using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GanNotes.Gan;

namespace GanNotes.Cli.Commands;

/// <summary>
/// Options whose values parse with the invariant culture and fail with one line naming the
/// option and the value ("--epochs 'ten': expected a whole number"), instead of
/// System.CommandLine's type names.
/// </summary>
internal static class OptionParsers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>--data DIR: the data folder, described the same way by every command that reads it.</summary>
    /// <param name="holds">What the command reads there, e.g. "with fashion-mnist/ and classifiers/" (optional).</param>
    public static Option<string?> DataFolder(string? holds = null) => new("--data")
    {
        Description = $"The data folder{(holds is null ? "" : " " + holds)} (default: ${GanNotes.Data.DataDirectory.EnvironmentVariable}, else the data/ folder above the current directory).",
        HelpName = "DIR",
    };

    public static Option<int?> Int(string name, string description, string helpName = "N") =>
        Parsed<int?>(name, description, helpName, text => int.TryParse(text, NumberStyles.Integer, Invariant, out int v) ? v : null, "expected a whole number");

    public static Option<float?> Float(string name, string description, string helpName = "X") =>
        Parsed<float?>(name, description, helpName, text => float.TryParse(text, NumberStyles.Float, Invariant, out float v) ? v : null, "expected a number such as 0.0002 or 2e-4");

    public static Option<double?> Double(string name, string description, string helpName = "X") =>
        Parsed<double?>(name, description, helpName, text => double.TryParse(text, NumberStyles.Float, Invariant, out double v) ? v : null, "expected a number such as 30 or 2.5");

    public static Option<ulong?> UInt64(string name, string description, string helpName = "N") =>
        Parsed<ulong?>(name, description, helpName, text => ulong.TryParse(text, NumberStyles.None, Invariant, out ulong v) ? v : null, "expected a whole number from 0 to 18446744073709551615");

    /// <summary>An option taking one of the names of <typeparamref name="T"/> (<see cref="RecipeNames"/>).</summary>
    public static Option<T?> Choice<T>(string name, string description)
        where T : struct, Enum =>
        Parsed<T?>(name, description, string.Join('|', RecipeNames.All<T>()),
            text => RecipeNames.TryParse(text, out T v) ? v : null, $"choose {RecipeNames.Choices<T>()}");

    /// <summary>An option taking one of <paramref name="names"/>.</summary>
    public static Option<string?> OneOf(string name, string description, IReadOnlyCollection<string> names) =>
        Parsed<string?>(name, description, string.Join('|', names), text => names.Contains(text) ? text : null,
            $"choose {(names.Count == 1 ? names.First() : $"{string.Join(", ", names.SkipLast(1))} or {names.Last()}")}");

    private static Option<T> Parsed<T>(string name, string description, string helpName, Func<string, T?> parse, string expected) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return default;
                }
                string text = result.Tokens[^1].Value;
                if (parse(text) is { } value)
                {
                    return value;
                }
                result.AddError($"{name} '{text}': {expected}");
                return default;
            },
        };
}
