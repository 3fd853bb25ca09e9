using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// nbformat's "multiline string": either one string or a list of strings that concatenate to
/// it. Jupyter writes the list form, one line per item, each but the last ending in "\n".
/// </summary>
internal static class MultilineText
{
    /// <summary>True when <paramref name="node"/> is a string or a list of strings.</summary>
    public static bool IsValid(JsonNode? node) => node switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.String,
        JsonArray a => a.All(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String),
        _ => false,
    };

    /// <summary>The text a valid multiline string stands for.</summary>
    public static string Join(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue v:
                return v.GetValue<string>();
            case JsonArray a:
                var sb = new StringBuilder();
                foreach (var item in a)
                {
                    sb.Append(item!.GetValue<string>());
                }
                return sb.ToString();
            default:
                return "";
        }
    }

    /// <summary>Jupyter's list form: "a\nb" becomes ["a\n", "b"]; "" becomes [].</summary>
    public static JsonArray Split(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            lines.Add(JsonValue.Create(text[start..end]));
            start = end;
        }
        return lines;
    }
}
