using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GanNotes.Notebooks;

namespace GanNotes.Tests.Testing;

/// <summary>A number a notebook shows its reader, and where.</summary>
/// <param name="Value">The number (a percentage as written: "61.7 %" is 61.7).</param>
/// <param name="IsPercent">True when a "%" follows it.</param>
/// <param name="Where">"output of cell 15", "code of cell 3", "quick setting dWarmup" or "constant (source)".</param>
internal sealed record ShownNumber(double Value, bool IsPercent, string Where);

/// <summary>
/// Every number a notebook shows: in its outputs (stream text, text/plain, text/markdown, and the
/// text of HTML that is not a chart, such as a table), in the source of its code cells (a setting
/// such as <c>k = 5</c> or <c>lr: 2e-4f</c> is in plain sight), in its quick settings
/// (<c>metadata.gan_notes.quick</c>), and in the constants it lists from the lecture notes or the
/// paper (<see cref="NotebookConstants"/>). Images and the data inside charts are not read: a number
/// only a figure shows is not shown as a number.
/// </summary>
internal sealed partial class ShownNumbers
{
    private ShownNumbers(IReadOnlyList<ShownNumber> all) => All = all;

    /// <summary>Every shown number, in notebook order.</summary>
    public IReadOnlyList<ShownNumber> All { get; }

    /// <summary>Reads the shown numbers of a notebook.</summary>
    /// <exception cref="InvalidDataException">metadata.gan_notes.constants is malformed.</exception>
    public static ShownNumbers Of(NotebookDocument notebook)
    {
        var all = new List<ShownNumber>();
        for (int index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (!cell.IsCode)
            {
                continue;
            }
            all.AddRange(InCode(cell.Source).Select(v => new ShownNumber(v, false, $"code of cell {index}")));
            foreach (var output in cell.Outputs ?? [])
            {
                foreach (var (value, percent) in InText(OutputText(output!)))
                {
                    all.Add(new ShownNumber(value, percent, $"output of cell {index}"));
                }
            }
        }
        if (notebook.Metadata["gan_notes"]?["quick"] is JsonObject quick)
        {
            foreach (var (name, setting) in quick)
            {
                if (setting?.GetValueKind() == JsonValueKind.Number)
                {
                    all.Add(new ShownNumber(setting.GetValue<double>(), false, $"quick setting {name}"));
                }
            }
        }
        foreach (var constant in NotebookConstants.Read(notebook))
        {
            all.Add(new ShownNumber(constant.Number, constant.IsPercent, $"constant ({constant.Source})"));
        }
        return new ShownNumbers(all);
    }

    /// <summary>The first shown number that shows <paramref name="quoted"/>, or null.</summary>
    public ShownNumber? Find(ProseNumber quoted) => All.FirstOrDefault(s => quoted.IsShownBy(s.Value, s.IsPercent));

    /// <summary>
    /// The numbers of an output's text: every run of digits with its decimals, exponent
    /// ("2.41E+001") and thousands separators ("1,505,680"), flagged when "%" or " %" follows.
    /// Letters around them do not matter here ("1197x233" shows 1197 and 233).
    /// </summary>
    public static IEnumerable<(double Value, bool IsPercent)> InText(string text)
    {
        foreach (Match match in OutputNumber().Matches(text))
        {
            double value = double.Parse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
            yield return (value, match.Groups["percent"].Success);
        }
    }

    /// <summary>
    /// The numeric literals of C# source, comments and strings included: <c>60_000</c>,
    /// <c>2e-4f</c>, <c>0.5</c>; digits inside a name or a format (<c>zDim8</c>, <c>F3</c>) are no literal.
    /// </summary>
    public static IEnumerable<double> InCode(string source) =>
        CodeLiteral().Matches(source).Select(m =>
            double.Parse(m.Groups["number"].Value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>The text an output shows: a stream's text, text/plain, text/markdown, and the text of non-chart HTML.</summary>
    private static string OutputText(JsonNode output)
    {
        if ((string?)output["output_type"] == "stream")
        {
            return SavedOutputs.Text(output["text"]);
        }
        if (output["data"] is not JsonObject data)
        {
            return "";
        }
        string text = SavedOutputs.Text(data["text/plain"]) + "\n" + SavedOutputs.Text(data["text/markdown"]);
        string html = SavedOutputs.Text(data["text/html"]);
        if (!html.Contains("Plotly.newPlot", StringComparison.Ordinal))
        {
            text += "\n" + WebUtility.HtmlDecode(Tag().Replace(ScriptOrStyle().Replace(html, " "), " "));
        }
        return text;
    }

    [GeneratedRegex(@"(?<![\d.])(?<number>(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?:[eE][-+]?\d+)?)(?<percent> ?%)?")]
    private static partial Regex OutputNumber();

    [GeneratedRegex(@"(?<![\w.])(?<number>\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][-+]?\d+)?)[fFdDmMuUlL]*(?!\w)")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
