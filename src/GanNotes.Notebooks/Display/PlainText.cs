using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;

namespace GanNotes.Notebooks;

/// <summary>
/// The text/plain (and fallback text/html) rendering of values that have no formatter:
/// <c>ToString()</c> when the type overrides it, sequences as <c>[ 1, 2, 3 ]</c> (at most 20
/// items, like .NET Interactive's list expansion limit), the type name otherwise.
/// </summary>
internal static class PlainText
{
    public const string MimeType = "text/plain";
    public const string HtmlMimeType = "text/html";
    public const string NullText = "<null>";
    private const int ListExpansionLimit = 20;

    public static string Format(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value, depth: 0);
        return sb.ToString();
    }

    /// <summary>What .NET Interactive shows for a plain scalar in HTML: the text in a <c>pre</c> block.</summary>
    public static string FormatAsHtml(object? value) =>
        $"<div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(Format(value))}</pre></div>";

    private static void Append(StringBuilder sb, object? value, int depth)
    {
        switch (value)
        {
            case null:
                sb.Append(NullText);
                return;
            case string s:
                sb.Append(s);
                return;
            case IFormattable formattable:
                sb.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
        }
        if (value is IEnumerable sequence && !OverridesToString(value.GetType()) && depth < 3)
        {
            AppendSequence(sb, sequence, depth);
            return;
        }
        sb.Append(value.ToString());
    }

    private static void AppendSequence(StringBuilder sb, IEnumerable sequence, int depth)
    {
        sb.Append("[ ");
        int count = 0;
        int more = 0;
        foreach (object? item in sequence)
        {
            if (count == ListExpansionLimit)
            {
                more++;
                continue;
            }
            if (count > 0)
            {
                sb.Append(", ");
            }
            Append(sb, item, depth + 1);
            count++;
        }
        if (more > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ... ({more} more)");
        }
        sb.Append(" ]");
    }

    private static bool OverridesToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring
        && declaring != typeof(object) && declaring != typeof(ValueType);
}
