using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace GanNotes.Notebooks;

/// <summary>
/// The types a parameter can have, with how a command-line value is checked, written back as
/// a C# literal, and recorded in the notebook metadata.
/// </summary>
internal enum ParameterType
{
    Int,
    Long,
    Float,
    Double,
    Bool,
    String,
}

internal static class ParameterTypes
{
    public static string CSharpName(this ParameterType type) => type switch
    {
        ParameterType.Int => "int",
        ParameterType.Long => "long",
        ParameterType.Float => "float",
        ParameterType.Double => "double",
        ParameterType.Bool => "bool",
        _ => "string",
    };

    /// <summary>The type named by a C# keyword, or null.</summary>
    public static ParameterType? FromKeyword(string keyword) => keyword switch
    {
        "int" => ParameterType.Int,
        "long" => ParameterType.Long,
        "float" => ParameterType.Float,
        "double" => ParameterType.Double,
        "bool" => ParameterType.Bool,
        "string" => ParameterType.String,
        _ => null,
    };

    /// <summary>The type of a literal's value, or null when it is not one of ours.</summary>
    public static ParameterType? FromValue(object? value) => value switch
    {
        int => ParameterType.Int,
        long => ParameterType.Long,
        float => ParameterType.Float,
        double => ParameterType.Double,
        bool => ParameterType.Bool,
        string => ParameterType.String,
        _ => null,
    };

    /// <summary>
    /// Checks <paramref name="text"/> and returns it as C# literal text and as a JSON value;
    /// false when it is not a value of <paramref name="type"/>.
    /// </summary>
    public static bool TryConvert(this ParameterType type, string text, out string literal, out JsonNode? json)
    {
        var culture = CultureInfo.InvariantCulture;
        string trimmed = text.Trim();
        literal = "";
        json = null;
        switch (type)
        {
            case ParameterType.Int when int.TryParse(trimmed, NumberStyles.Integer, culture, out int i):
                (literal, json) = (i.ToString(culture), JsonValue.Create(i));
                return true;
            case ParameterType.Long when long.TryParse(trimmed.TrimEnd('L', 'l'), NumberStyles.Integer, culture, out long l):
                (literal, json) = (l.ToString(culture) + "L", JsonValue.Create(l));
                return true;
            case ParameterType.Float when float.TryParse(trimmed.TrimEnd('f', 'F'), NumberStyles.Float, culture, out float f) && float.IsFinite(f):
                (literal, json) = (f.ToString("R", culture) + "f", JsonValue.Create(f));
                return true;
            case ParameterType.Double when double.TryParse(trimmed.TrimEnd('d', 'D'), NumberStyles.Float, culture, out double d) && double.IsFinite(d):
                string r = d.ToString("R", culture);
                // "2" alone would be an int literal; keep the double type.
                literal = r.Contains('.', StringComparison.Ordinal) || r.Contains('E', StringComparison.Ordinal) ? r : r + ".0";
                json = JsonValue.Create(d);
                return true;
            case ParameterType.Bool when bool.TryParse(trimmed, out bool b):
                (literal, json) = (b ? "true" : "false", JsonValue.Create(b));
                return true;
            case ParameterType.String:
                (literal, json) = (SymbolDisplay.FormatLiteral(text, quote: true), JsonValue.Create(text));
                return true;
            default:
                return false;
        }
    }
}
