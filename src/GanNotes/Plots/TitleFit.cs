using System.Text;
using System.Text.RegularExpressions;

namespace GanNotes.Plots;

/// <summary>
/// Breaks a chart's titles into lines (plotly's <c>&lt;br&gt;</c>) so that none runs past the
/// figure: the chart title across the figure's width, the x-axis title along the plot area's
/// width, the y-axis title along its height.
/// </summary>
/// <remarks>
/// plotly.js centres an axis title on its axis and never breaks it, so a y title longer than the
/// plot area is tall spills into the chart title or off the figure, where it is cut, in the
/// notebook and in the PNG alike. How long a text is depends on the font the browser finds for
/// plotly's <c>"Open Sans", verdana, arial, sans-serif</c>: Verdana, common on Windows and
/// macOS, is wider than Arial (what headless Chromium on Linux uses; a 45-character title is
/// 265 pixels at 14 pixels in Arial's metrics and 301 in DejaVu Sans, whose metrics are close to
/// Verdana's). Lengths are therefore estimated for Verdana-like widths, so a title that fits
/// here fits everywhere.
/// The room is measured with plotly's default margins (80 left and right, 100 top, 80 bottom),
/// which <see cref="Layout"/> keeps; axes with <c>automargin</c> widen them when tick labels or
/// a title of several lines need it.
/// </remarks>
internal static partial class TitleFit
{
    /// <summary>plotly's default font size, and the axis titles' (1.2 times) and the chart title's (1.4 times).</summary>
    public const double FontSize = 12, AxisTitleFontSize = 14, ChartTitleFontSize = 16.8;

    /// <summary>plotly's default margins in pixels.</summary>
    public const int MarginLeft = 80, MarginRight = 80, MarginTop = 100, MarginBottom = 80;

    /// <summary>A line is never made shorter than this, however small the figure.</summary>
    public const double MinimumRoom = 80;

    /// <summary>The room along the x axis of a figure <paramref name="width"/> pixels wide.</summary>
    public static double XAxisRoom(int width) => Math.Max(MinimumRoom, width - MarginLeft - MarginRight);

    /// <summary>The room along the y axis of a figure <paramref name="height"/> pixels tall.</summary>
    public static double YAxisRoom(int height) => Math.Max(MinimumRoom, height - MarginTop - MarginBottom);

    /// <summary>The room for the chart title, centred on the whole figure: its width less 20 pixels each side.</summary>
    public static double ChartTitleRoom(int width) => Math.Max(MinimumRoom, width - 40);

    /// <summary>
    /// <paramref name="text"/> with some spaces turned into <c>&lt;br&gt;</c> so that no line is
    /// longer than <paramref name="room"/> pixels at <paramref name="fontSize"/>: as few lines as
    /// filling word by word needs, made as even as that count allows (no lone last word).
    /// Existing <c>&lt;br&gt;</c>s are kept; a single word longer than the room stays whole.
    /// Null stays null.
    /// </summary>
    public static string? Wrap(string? text, double room, double fontSize)
    {
        if (text is null || EstimatedWidth(text, fontSize) <= room)
        {
            return text;
        }
        var lines = new List<string>();
        foreach (string given in LineBreak().Split(text))
        {
            string[] words = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var filled = Fill(words, room, fontSize);
            // Narrow the lines while the count stays the same: the shortest width that still
            // needs no more lines spreads the words evenly.
            double total = EstimatedWidth(given, fontSize);
            for (double narrower = total / filled.Count; narrower < room && filled.Count > 1; narrower += fontSize / 2)
            {
                var even = Fill(words, narrower, fontSize);
                if (even.Count <= filled.Count)
                {
                    filled = even;
                    break;
                }
            }
            lines.AddRange(filled);
        }
        return string.Join("<br>", lines);
    }

    /// <summary>The words in lines of at most <paramref name="room"/> pixels, each filled word by word.</summary>
    private static List<string> Fill(string[] words, double room, double fontSize)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in words)
        {
            if (line.Length > 0 && EstimatedWidth($"{line} {word}", fontSize) > room)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>
    /// The width of the longest line of <paramref name="text"/> in pixels, for Verdana-like glyphs
    /// (in ems: narrow letters and punctuation 0.4, m and w 0.95, capitals 0.72, digits 0.64,
    /// other letters 0.61). plotly's tags (&lt;b&gt;, &lt;sub&gt;) take no room; an entity takes one character.
    /// </summary>
    public static double EstimatedWidth(string text, double fontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        double widest = 0;
        foreach (string line in LineBreak().Split(text))
        {
            string visible = Entity().Replace(Tag().Replace(line, ""), "x");
            widest = Math.Max(widest, visible.Sum(Ems) * fontSize);
        }
        return widest;
    }

    private static double Ems(char c) => c switch
    {
        'm' or 'w' or 'M' or 'W' => 0.95,
        'i' or 'l' or 'j' or 'f' or 't' or 'r' or 'I' or ' ' or '\'' or '.' or ',' or ':' or ';' or '|' or '!' or '(' or ')' or '[' or ']' => 0.4,
        _ when char.IsUpper(c) => 0.72,
        _ when char.IsDigit(c) => 0.64,
        _ => 0.61,
    };

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("&[#a-zA-Z0-9]+;")]
    private static partial Regex Entity();
}
