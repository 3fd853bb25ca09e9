using System.Text;
using System.Text.RegularExpressions;

namespace GanNotes.Notebooks;

/// <summary>
/// The parts of a teacher's notebook that only the teacher sees, marked as nbgrader marks them:
/// in code, the lines between <c>// BEGIN SOLUTION</c> and <c>// END SOLUTION</c>; in markdown,
/// those between <c>&lt;!-- BEGIN SOLUTION --&gt;</c> and <c>&lt;!-- END SOLUTION --&gt;</c>.
/// </summary>
/// <remarks>
/// A code region becomes <c>// YOUR CODE HERE</c> at the region's indentation, followed by
/// <c>throw new NotImplementedException();</c> when the solution returns a value (it then sits in
/// a function body, which must still compile); a region of plain statements leaves the
/// placeholder the cell set before it (a NaN) for the check to call "not yet". A markdown region
/// is removed with its marker lines. Markers do not nest, and each BEGIN needs its END.
/// </remarks>
public static partial class SolutionRegions
{
    /// <summary>The code marker lines (after trimming).</summary>
    public const string BeginCode = "// BEGIN SOLUTION";

    /// <inheritdoc cref="BeginCode"/>
    public const string EndCode = "// END SOLUTION";

    /// <summary>The markdown marker lines (after trimming).</summary>
    public const string BeginMarkdown = "<!-- BEGIN SOLUTION -->";

    /// <inheritdoc cref="BeginMarkdown"/>
    public const string EndMarkdown = "<!-- END SOLUTION -->";

    /// <summary>What a code region becomes in the student edition.</summary>
    public const string CodeStub = "// YOUR CODE HERE";

    /// <summary>True when <paramref name="source"/> holds a solution marker of either kind.</summary>
    public static bool Contains(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Split('\n').Any(l => l.Trim() is BeginCode or EndCode or BeginMarkdown or EndMarkdown);
    }

    /// <summary>The code cell's source with every solution region replaced by the student's stub.</summary>
    /// <param name="source">The teacher's cell source.</param>
    /// <exception cref="FormatException">A marker without its partner, or a region inside another.</exception>
    public static string StripCode(string source) =>
        Strip(source, BeginCode, EndCode, (indent, region) =>
        {
            var stub = new StringBuilder().Append(indent).Append(CodeStub);
            if (region.Any(line => ReturnStatement().IsMatch(line)))
            {
                stub.Append('\n').Append(indent).Append("throw new NotImplementedException();");
            }
            return stub.ToString();
        });

    /// <summary>The markdown cell's source with every solution region (and its markers) removed.</summary>
    /// <param name="source">The teacher's cell source.</param>
    /// <exception cref="FormatException">A marker without its partner, or a region inside another.</exception>
    public static string StripMarkdown(string source) => Strip(source, BeginMarkdown, EndMarkdown, (_, _) => null);

    private static string Strip(string source, string begin, string end, Func<string, List<string>, string?> replace)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Split('\n');
        var kept = new List<string>();
        List<string>? region = null;
        string indent = "";
        int beganAt = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].Trim();
            if (trimmed == begin)
            {
                if (region is not null)
                {
                    throw new FormatException($"line {i + 1}: '{begin}' inside the region begun at line {beganAt}; regions do not nest");
                }
                region = [];
                indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
                beganAt = i + 1;
            }
            else if (trimmed == end)
            {
                if (region is null)
                {
                    throw new FormatException($"line {i + 1}: '{end}' without a '{begin}' before it");
                }
                if (replace(indent, region) is { } stub)
                {
                    kept.Add(stub);
                }
                region = null;
            }
            else if (region is not null)
            {
                region.Add(lines[i]);
            }
            else
            {
                kept.Add(lines[i]);
            }
        }
        if (region is not null)
        {
            throw new FormatException($"line {beganAt}: '{begin}' without an '{end}' after it");
        }
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"^\s*return\b")]
    private static partial Regex ReturnStatement();
}
