using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GanNotes.Notebooks;

/// <summary>
/// Serialises a notebook exactly as Jupyter's nbformat does (<c>json.dumps(nb, sort_keys=True,
/// indent=1, ensure_ascii=False)</c> plus a trailing newline), so a notebook the runner saves
/// diffs cleanly against one saved by Jupyter or VS Code.
/// </summary>
internal static class IpynbWriter
{
    public static string Serialize(JsonNode root)
    {
        var sb = new StringBuilder();
        Write(sb, root, 0);
        sb.Append('\n');
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteObject(sb, obj, depth);
                break;
            case JsonArray array:
                WriteArray(sb, array, depth);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            default:
                // Numbers keep their original text (1e-05 stays 1e-05); true/false/null as is.
                sb.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj, int depth)
    {
        if (obj.Count == 0)
        {
            sb.Append("{}");
            return;
        }
        sb.Append("{\n");
        // Python's sort_keys orders by code point; ordinal UTF-16 order agrees outside astral planes.
        var keys = obj.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < keys.Count; i++)
        {
            Indent(sb, depth + 1);
            WriteString(sb, keys[i]);
            sb.Append(": ");
            Write(sb, obj[keys[i]], depth + 1);
            sb.Append(i < keys.Count - 1 ? ",\n" : "\n");
        }
        Indent(sb, depth);
        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, JsonArray array, int depth)
    {
        if (array.Count == 0)
        {
            sb.Append("[]");
            return;
        }
        sb.Append("[\n");
        for (int i = 0; i < array.Count; i++)
        {
            Indent(sb, depth + 1);
            Write(sb, array[i], depth + 1);
            sb.Append(i < array.Count - 1 ? ",\n" : "\n");
        }
        Indent(sb, depth);
        sb.Append(']');
    }

    private static void Indent(StringBuilder sb, int depth) => sb.Append(' ', depth);

    /// <summary>Python's ensure_ascii=False escaping: only quotes, backslashes and control characters.</summary>
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    bool loneSurrogate = char.IsSurrogate(c)
                        && !(char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]));
                    if (c < 0x20 || loneSurrogate)
                    {
                        // A lone surrogate cannot be written as UTF-8; escape it as Python would read it back.
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
