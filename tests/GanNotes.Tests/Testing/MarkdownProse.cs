using System.Text;
using System.Text.RegularExpressions;

namespace GanNotes.Tests.Testing;

/// <summary>
/// The prose of a markdown cell, the part a reader takes as sentences: the cell's text with
/// everything else blanked out character for character (newlines kept), so that an offset in the
/// prose is the same offset in the cell and line-based rules still see the lines.
/// </summary>
/// <remarks>
/// Blanked, in this order: fenced code blocks, HTML comments, inline code (a setting such as
/// <c>lr: 2e-4</c> the reader sees as code), LaTeX (<c>$$...$$</c>, <c>$...$</c>,
/// <c>\[...\]</c>, <c>\(...\)</c>, <c>\begin{env}...\end{env}</c>: <c>$\log 4$</c> and
/// <c>$1/2$</c> are maths, not measurements), images, link targets (the link text stays), bare
/// URLs, HTML tags (their text stays) and character entities such as <c>&amp;#8722;</c>.
/// </remarks>
internal static partial class MarkdownProse
{
    /// <summary>The cell's text with everything that is not prose replaced by spaces.</summary>
    public static string Of(string markdown)
    {
        var prose = new StringBuilder(markdown);
        foreach (var pattern in Masks)
        {
            // Each mask runs on what the previous ones left, so a '$' inside code opens no formula.
            foreach (Match match in pattern.Matches(prose.ToString()))
            {
                var part = match.Groups["mask"].Success ? match.Groups["mask"] : match.Groups[0];
                for (int i = part.Index; i < part.Index + part.Length; i++)
                {
                    if (prose[i] != '\n')
                    {
                        prose[i] = ' ';
                    }
                }
            }
        }
        return prose.ToString();
    }

    /// <summary>
    /// The sentence of <paramref name="markdown"/> around <paramref name="offset"/>, on one line:
    /// from the end of the previous sentence (". ", "? ", "! ", a blank line or a list item)
    /// to the end of this one. "Eq.", "et al.", "e.g." and "i.e." end no sentence.
    /// </summary>
    public static string SentenceAround(string markdown, int offset)
    {
        var ends = SentenceEnd().Matches(markdown).Where(m => !EndsAnAbbreviation(markdown, m.Index)).ToList();
        int start = ends.LastOrDefault(m => m.Index + m.Length <= offset) is { } before ? before.Index + before.Length : 0;
        int end = ends.FirstOrDefault(m => m.Index >= offset) is { } after ? after.Index + 1 : markdown.Length;
        string sentence = Whitespace().Replace(markdown[start..end], " ").Trim();
        return sentence.Length <= 300 ? sentence : sentence[..297] + "...";
    }

    private static bool EndsAnAbbreviation(string markdown, int dot)
    {
        string before = markdown[..dot];
        return markdown[dot] == '.' && (before.EndsWith("Eq", StringComparison.Ordinal) || before.EndsWith("Eqs", StringComparison.Ordinal)
            || before.EndsWith("et al", StringComparison.Ordinal) || before.EndsWith("e.g", StringComparison.Ordinal)
            || before.EndsWith("i.e", StringComparison.Ordinal) || before.EndsWith("Fig", StringComparison.Ordinal)
            || before.EndsWith("vs", StringComparison.Ordinal) || before.EndsWith("cf", StringComparison.Ordinal));
    }

    private static readonly Regex[] Masks =
    [
        FencedCode(), HtmlComment(), InlineCode(), DisplayMath(), BracketMath(), Environment(), InlineMath(),
        ParenthesisMath(), Image(), LinkTarget(), LinkDefinition(), Url(), HtmlTag(), Entity(),
    ];

    [GeneratedRegex(@"^[ \t>]*(?<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t>]*\k<fence>[ \t]*$|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"(?<ticks>`+)(?!`).+?(?<!`)\k<ticks>(?!`)", RegexOptions.Singleline)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?<!\\)\$\$.+?(?<!\\)\$\$", RegexOptions.Singleline)]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"\\\[.+?\\\]", RegexOptions.Singleline)]
    private static partial Regex BracketMath();

    [GeneratedRegex(@"\\begin\{(?<env>[A-Za-z]+\*?)\}.*?\\end\{\k<env>\}", RegexOptions.Singleline)]
    private static partial Regex Environment();

    [GeneratedRegex(@"(?<![\\$])\$(?!\$).+?(?<!\\)\$", RegexOptions.Singleline)]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"\\\(.+?\\\)", RegexOptions.Singleline)]
    private static partial Regex ParenthesisMath();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\](?<mask>\([^)\s]*(?:\s+""[^""]*"")?\))")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$", RegexOptions.Multiline)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"<?https?://[^\s)>]+>?")]
    private static partial Regex Url();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"&#?[A-Za-z0-9]+;")]
    private static partial Regex Entity();

    [GeneratedRegex(@"[.?!](?=\s)|\n[ \t>]*\n|\n(?=[ \t>]*(?:[-*+]|\d+[.)])[ \t])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
